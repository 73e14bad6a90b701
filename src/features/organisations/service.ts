import { and, asc, eq, inArray } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { organisationAbilities } from '../../domain/organisationPolicy.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { users } from '../../platform/identity/schema.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import { files } from '../../platform/storage/schema.ts';
import { acceptInvitation, inviteMember } from './commands/members.ts';
import { createOrganisation, updateOrganisation } from './commands/saveOrganisation.ts';
import { uploadOrganisationDocument } from './commands/uploadDocument.ts';
import { membershipOf } from './membership.ts';
import { organisationDocuments, organisationMembers, organisations, type LegalForm } from './schema.ts';

export type { LegalForm } from './schema.ts';
export type Organisation = typeof organisations.$inferSelect;
export interface OrganisationPaymentDetails {
  id: string;
  name: string;
  enterpriseNumber: string;
  street: string;
  postalCode: string;
  city: string;
  iban: string;
  accountHolder: string;
}
export interface OrganisationView {
  organisation: Organisation;
  members: { displayName: string; email: string; role: 'owner' | 'member' }[];
  documents: { id: string; kind: string; name: string; sizeBytes: number; uploadedAt: Date }[];
  abilities: { edit: boolean; manageMembers: boolean };
}

/** Applicant organisations: every read is scoped to the actor's memberships. */
export function organisationsService(deps: CommandDeps & { storage: FileStorage }) {
  return {
    createOrganisation: (input: Parameters<typeof createOrganisation>[1]) => createOrganisation(deps, input),
    updateOrganisation: (input: Parameters<typeof updateOrganisation>[1]) => updateOrganisation(deps, input),
    inviteMember: (input: Parameters<typeof inviteMember>[1]) => inviteMember(deps, input),
    acceptInvitation: (input: Parameters<typeof acceptInvitation>[1]) => acceptInvitation(deps, input),
    uploadDocument: (input: Parameters<typeof uploadOrganisationDocument>[1]) =>
      uploadOrganisationDocument(deps, input),

    /** The actor's role in the organisation, or null: what other capabilities ask before showing its records. */
    membership: (actor: MaybeActor, organisationId: string) => membershipOf(deps.db, actor, organisationId),

    /** Who to write to about an organisation's applications: its members, each in their language. */
    async recipients(organisationId: string): Promise<{ email: string; displayName: string; locale: string }[]> {
      return deps.db
        .select({ email: users.email, displayName: users.displayName, locale: users.locale })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(eq(organisationMembers.organisationId, organisationId));
    },

    /** Names of organisations, for lists that show whose application is whose. */
    async names(
      ids: string[],
    ): Promise<
      Map<string, { name: string; legalForm: LegalForm; enterpriseNumber: string; communeNis: string | null }>
    > {
      if (!ids.length) return new Map();
      const rows = await deps.db
        .select({
          id: organisations.id,
          name: organisations.name,
          legalForm: organisations.legalForm,
          enterpriseNumber: organisations.enterpriseNumber,
          communeNis: organisations.communeNis,
        })
        .from(organisations)
        .where(inArray(organisations.id, ids));
      return new Map(rows.map((r) => [r.id, r]));
    },

    /**
     * What a grant's agreement and transfers name of organisations: name, enterprise number, postal address
     * and bank account. For a capability that has already decided the reader may see them (the grants).
     */
    async paymentDetails(ids: string[]): Promise<Map<string, OrganisationPaymentDetails>> {
      if (!ids.length) return new Map();
      const rows = await deps.db
        .select({
          id: organisations.id,
          name: organisations.name,
          enterpriseNumber: organisations.enterpriseNumber,
          street: organisations.street,
          postalCode: organisations.postalCode,
          city: organisations.city,
          iban: organisations.iban,
          accountHolder: organisations.accountHolder,
        })
        .from(organisations)
        .where(inArray(organisations.id, ids));
      return new Map(rows.map((r) => [r.id, r]));
    },

    /**
     * The documents on an organisation's shelf, for a capability that has already decided the
     * reader may see them (an officer reading one of the organisation's applications).
     */
    async shelf(organisationId: string): Promise<{ id: string; kind: string; name: string; uploadedAt: Date }[]> {
      return deps.db
        .select({
          id: organisationDocuments.id,
          kind: organisationDocuments.kind,
          name: files.name,
          uploadedAt: organisationDocuments.uploadedAt,
        })
        .from(organisationDocuments)
        .innerJoin(files, eq(files.id, organisationDocuments.fileId))
        .where(eq(organisationDocuments.organisationId, organisationId))
        .orderBy(asc(organisationDocuments.kind), asc(organisationDocuments.uploadedAt));
    },

    /** One document of the shelf, on the same terms as `shelf`. */
    async shelfDocument(
      organisationId: string,
      documentId: string,
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      if (!isUuid(documentId)) throw new NotFoundError('document');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(organisationDocuments)
        .innerJoin(files, eq(files.id, organisationDocuments.fileId))
        .where(and(eq(organisationDocuments.id, documentId), eq(organisationDocuments.organisationId, organisationId)));
      if (!row) throw new NotFoundError('document');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    async myOrganisations(actor: MaybeActor): Promise<(Organisation & { role: 'owner' | 'member' })[]> {
      authorize(actor, true, 'list organisations');
      const rows = await deps.db
        .select({ organisation: organisations, role: organisationMembers.role })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(eq(organisationMembers.userId, actor.userId))
        .orderBy(asc(organisations.name));
      return rows.map((r) => ({ ...r.organisation, role: r.role }));
    },

    /** A non-member gets "not found", exactly as for an id that does not exist. */
    async organisation(actor: MaybeActor, id: string): Promise<OrganisationView> {
      authorize(actor, true, 'see organisation');
      const membership = await membershipOf(deps.db, actor, id);
      if (!organisationAbilities(membership).see) throw new NotFoundError('organisation');
      const [organisation] = await deps.db.select().from(organisations).where(eq(organisations.id, id));
      const members = await deps.db
        .select({ displayName: users.displayName, email: users.email, role: organisationMembers.role })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(eq(organisationMembers.organisationId, id))
        .orderBy(asc(users.displayName));
      const documents = await deps.db
        .select({
          id: organisationDocuments.id,
          kind: organisationDocuments.kind,
          name: files.name,
          sizeBytes: files.sizeBytes,
          uploadedAt: organisationDocuments.uploadedAt,
        })
        .from(organisationDocuments)
        .innerJoin(files, eq(files.id, organisationDocuments.fileId))
        .where(eq(organisationDocuments.organisationId, id))
        .orderBy(asc(organisationDocuments.kind), asc(organisationDocuments.uploadedAt));
      return {
        organisation: organisation!,
        members,
        documents,
        abilities: organisationAbilities(membership),
      };
    },

    async document(
      actor: MaybeActor,
      organisationId: string,
      documentId: string,
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      authorize(actor, true, 'download document');
      if (!organisationAbilities(await membershipOf(deps.db, actor, organisationId)).see)
        throw new NotFoundError('document');
      return this.shelfDocument(organisationId, documentId);
    },
  };
}
export type OrganisationsService = ReturnType<typeof organisationsService>;
