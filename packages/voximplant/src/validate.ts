/**
 * Voximplant input checks, one file per resource under `validate/` (shared rules in
 * `validate/rules.ts`). Each names the field and the rule it breaks.
 */
export {
  checkAddAuthorizedIp,
  checkCheckAuthorizedIp,
  checkDelAuthorizedIp,
  checkGetAuthorizedIps,
  checkListAllAuthorizedIps,
} from './validate/authorized-ips.js';
export {
  checkChildSelector,
  checkGetAccountInfo,
  checkGetChildrenAccounts,
  checkListAllChildren,
  checkSetChildAccountInfo,
} from './validate/child-accounts.js';
export {
  checkAddSubUser,
  checkCreateKey,
  checkExpandedRoles,
  checkGetKeys,
  checkGetRoles,
  checkGetSubUsers,
  checkKeyId,
  checkKeyRoles,
  checkListAll,
  checkSetSubUserInfo,
  checkSubUserId,
  checkSubUserRoles,
  checkUpdateKey,
} from './validate/users-and-keys.js';
