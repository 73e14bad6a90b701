import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';

export interface ApiTokenUse {
  tokenId: string;
  ownerId: string;
  method: string;
  /** The path asked for, without its query string (filters may carry searched words). */
  path: string;
  status: number;
}

/**
 * Writes one request made with a token to the audit trail, after it was answered: who read what,
 * with which token, and what they were told (a 401 for an expired token is there too). The API
 * reads applicants' answers, so each read is accounted for, not only the token's last use.
 */
export async function recordApiTokenUse(deps: CommandDeps, use: ApiTokenUse): Promise<void> {
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      actorId: use.ownerId,
      action: 'api-token.used',
      subjectType: 'api-token',
      subjectId: use.tokenId,
      after: { method: use.method, path: use.path, status: use.status },
    }),
  );
}
