/** Help texts that name providers, built from the registry so that none is left out. */
import { DEFINITIONS, PROVIDERS } from '../registry.js';

const title = (name: string) => name[0]?.toUpperCase() + name.slice(1);

/** `a, b and c` (or `a, b or c`). */
function listed(items: readonly string[], last: 'and' | 'or'): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`
    : items.join('');
}

/** "Synthflow, Vobiz, Voximplant and Twilio". */
export function providerNames(): string {
  return listed(PROVIDERS.map(title), 'and');
}

/** What each provider's sub-account id is: "Synthflow subaccount_id, …, or Twilio account SID". */
export function subAccountIds(): string {
  const ids = PROVIDERS.map((p) => `${title(p)} ${DEFINITIONS[p].configuration.subAccountId}`);
  return listed(ids, 'or');
}

/** The providers whose lists come in pages (their capability row's `paging`): "Vobiz, Voximplant, …". */
export function pagingProviders(): string {
  return PROVIDERS.filter((p) => DEFINITIONS[p].capabilities.paging.supported)
    .map(title)
    .join(', ');
}
