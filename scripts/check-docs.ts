/**
 * `pnpm check:docs`: the TypeScript in the READMEs compiles and runs.
 *
 *  1. Every ```ts block of README.md and packages/<name>/README.md is type-checked (strict) against
 *     the built packages, as a user's project sees them. A hidden `<!-- docs-prelude … -->` comment
 *     right above a block supplies what the reader is assumed to have (a client made earlier, your
 *     own secret store); it is prepended to the block.
 *  2. Blocks marked `<!-- docs-run -->` (right above the block, or above its prelude) are run
 *     against the Prism mocks of every spec with only the base URL changed: `baseUrl` is added to
 *     each client's options, nothing else is touched. The credentials come from the environment
 *     variables the examples read (dummy values; a throwaway Voximplant key as JSON text, and as
 *     ./credentials.json in the working directory).
 *
 * The blocks are written to packages/tenantkit/.tmp/docs/ (the facade's dependencies resolve every
 * package from there). Exits non-zero on any failure; each run has a deadline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startMockServers, throwawayVoximplantKey } from '../packages/mock/src/index.js';
import { PROVIDER_DEFINITIONS } from '../packages/tenantkit/src/registry.js';
import { spawnGroup, stopGroup } from './lib/children.js';
import { bin } from './lib/packing.js';
import { providerSpecs, repoRoot } from './lib/specs.js';

const RUN_DEADLINE_MS = 60_000;
const workDir = join(repoRoot, 'packages', 'tenantkit', '.tmp', 'docs');

interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  prelude: string;
  code: string;
  run: boolean;
}

const readmes = [
  join(repoRoot, 'README.md'),
  ...readdirSync(join(repoRoot, 'packages'))
    .map((dir) => join(repoRoot, 'packages', dir, 'README.md'))
    .filter((file) => existsSync(file)),
];

function blocksOf(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[index] ?? '')) continue;
    const end = lines.findIndex((text, at) => at > index && text.startsWith('```'));
    if (end === -1)
      throw new Error(`${relative(repoRoot, file)}:${index + 1}: unclosed code block`);
    // Hidden comments right above the fence: a prelude and/or the run marker.
    let prelude = '';
    let run = false;
    for (let above = index - 1; above >= 0; above--) {
      const text = lines[above] ?? '';
      if (text.trim() === '<!-- docs-run -->') {
        run = true;
        continue;
      }
      if (text.trim() === '-->') {
        const start = lines.lastIndexOf('<!-- docs-prelude', above);
        if (start === -1) break;
        prelude = lines.slice(start + 1, above).join('\n');
        above = start;
        continue;
      }
      break;
    }
    blocks.push({
      file,
      line: index + 1,
      prelude,
      code: lines.slice(index + 1, end).join('\n'),
      run,
    });
    index = end;
  }
  return blocks;
}

/** `baseUrl` added to every client's options, and nothing else changed. */
function withMockBaseUrls(code: string): string {
  if (code.includes('baseUrl')) return code; // the example already says where to go
  // Each provider's factory is `create<Provider>Client` and its facade key is its name.
  const names = providerSpecs().map(({ provider }) => provider);
  const factories = Object.fromEntries(
    names.map((name) => [`create${name[0]!.toUpperCase()}${name.slice(1)}Client`, name]),
  );
  const factoryCall = new RegExp(`\\b(${Object.keys(factories).join('|')})\\(\\{`, 'g');
  const facadeKey = new RegExp(`^(\\s*)(${names.join('|')}): \\{`, 'gm');
  const withFactories = code.replace(
    factoryCall,
    (_match, factory: string) => `${factory}({ baseUrl: mockUrl('${factories[factory]}'),`,
  );
  // Only the facade's own options: a later `twilio: { … }` inside a create input is not a client.
  const facade = optionsOfCall(withFactories, 'createTenantkit(');
  if (facade === undefined) return withFactories;
  const [start, end] = facade;
  const options = withFactories
    .slice(start, end)
    .replace(facadeKey, "$1$2: { baseUrl: mockUrl('$2'),");
  return withFactories.slice(0, start) + options + withFactories.slice(end);
}

/** Where the object literal passed to the first `call` starts and ends (braces matched). */
function optionsOfCall(code: string, call: string): [number, number] | undefined {
  const at = code.indexOf(call);
  const open = at === -1 ? -1 : code.indexOf('{', at);
  if (open === -1) return undefined;
  let depth = 0;
  for (let index = open; index < code.length; index++) {
    if (code[index] === '{') depth++;
    else if (code[index] === '}' && --depth === 0) return [open, index + 1];
  }
  return undefined;
}

const failures: string[] = [];
const started = Date.now();
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const blocks = readmes.flatMap(blocksOf);
const name = (block: Block) => `${relative(repoRoot, block.file)}:${block.line}`;
const fileOf = (block: Block, suffix: string) =>
  `${relative(repoRoot, block.file).replace(/[/.]/g, '_')}_${block.line}${suffix}.ts`;

// 1. Type-check every block, each as its own module.
for (const block of blocks)
  writeFileSync(join(workDir, fileOf(block, '')), `${block.prelude}\n${block.code}\nexport {};\n`);
writeFileSync(
  join(workDir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['es2023', 'dom'],
      types: ['node'],
      skipLibCheck: true,
    },
    files: blocks.map((block) => fileOf(block, '')),
  }),
);
// Run from the work dir, so tsc names each file as written above.
const tsc = spawnSync(bin(repoRoot, 'tsc'), ['-p', '.', '--pretty', 'false'], {
  cwd: workDir,
  encoding: 'utf8',
});
const typeErrors = `${tsc.stdout}${tsc.stderr}`.trim();
for (const block of blocks) {
  const own = typeErrors
    .split('\n')
    .filter((text) => text.startsWith(fileOf(block, '')))
    .map((text) => text.replace(fileOf(block, ''), name(block)));
  console.log(
    `${own.length === 0 && tsc.status !== null ? 'pass' : 'FAIL'}  type-check ${name(block)}`,
  );
  if (own.length > 0) failures.push(own.join('\n'));
}
if (tsc.status !== 0 && failures.length === 0) failures.push(`tsc failed:\n${typeErrors}`);

/** Every provider's variables with the throwaway values its definition gives `--mock`. */
function mockCredentialsEnvironment(): Record<string, string> {
  const kit = { throwawayVoximplantKey };
  return Object.fromEntries(
    PROVIDER_DEFINITIONS.flatMap((definition) =>
      definition.configuration.settings.flatMap((setting) => {
        const value: unknown = setting.mock?.(kit);
        if (value === undefined) return [];
        return [[setting.env, typeof value === 'string' ? value : JSON.stringify(value)]];
      }),
    ),
  );
}

// 2. Run the marked blocks against the mocks.
const runnable = blocks.filter((block) => block.run);
if (runnable.length > 0) {
  const specs = Object.fromEntries(providerSpecs().map(({ provider, file }) => [provider, file]));
  const mocks = await startMockServers({ providers: Object.keys(specs), specs });
  try {
    // The README's Voximplant examples also read a key file by path.
    const credentials = JSON.stringify(throwawayVoximplantKey().credentials);
    writeFileSync(join(workDir, 'credentials.json'), credentials);
    const env = {
      ...process.env,
      DOCS_MOCK_URLS: JSON.stringify(mocks.urls),
      ...mockCredentialsEnvironment(),
    };
    for (const block of runnable) {
      const file = fileOf(block, '_run');
      writeFileSync(
        join(workDir, file),
        [
          "const mockUrl = (provider: string): string => JSON.parse(process.env.DOCS_MOCK_URLS ?? '{}')[provider];",
          withMockBaseUrls(block.prelude),
          withMockBaseUrls(block.code),
          'export {};',
        ].join('\n'),
      );
      // Asynchronously: the mocks answer from this process's event loop.
      const result = await runWithDeadline(bin(repoRoot, 'tsx'), [file], env);
      const ok = result.code === 0;
      console.log(`${ok ? 'pass' : 'FAIL'}  run against the mocks ${name(block)}`);
      if (!ok)
        failures.push(
          `${name(block)} failed against the mocks (exit ${result.code}):\n${result.output}`,
        );
    }
  } finally {
    await mocks.stop();
  }
}

function runWithDeadline(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawnGroup(command, args, {
      cwd: workDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n(stopped after ${RUN_DEADLINE_MS} ms)`;
      stopGroup(child, 'SIGKILL');
    }, RUN_DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.trim() });
    });
  });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`\ncheck:docs: ${failures.length} problem(s) (${seconds} s):`);
  for (const failure of failures) console.error(`✗ ${failure.replace(/\n/g, '\n    ')}`);
  process.exit(1);
}
console.log(
  `\ncheck:docs: ${blocks.length} blocks type-checked, ${runnable.length} run against the mocks (${seconds} s)`,
);
