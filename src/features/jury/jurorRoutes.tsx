import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { MessagePage } from '../../platform/views/MessagePage.tsx';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { conflictForm, declarationForm, newAccountForm } from './forms.ts';
import { DECLARATION_REFUSALS, DECLARE_CONFLICT_REFUSALS } from './problems.ts';
import { refusalMessage } from '../../platform/http/refusals.ts';
import type { JuryService } from './service.ts';
import { DeclarationPage } from './views/DeclarationPage.tsx';
import { InvitationPage } from './views/InvitationPage.tsx';
import type { FormState } from './views/JuryPage.tsx';
import { JurorConflictsPage } from './views/JurorConflictsPage.tsx';
import { MyJuryPage } from './views/MyJuryPage.tsx';
import { PUBLIC_ROUTE, SIGNED_IN_ROUTE, recordRoute, withPolicy } from '../../platform/http/routePolicy.ts';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | string[] | undefined> };
type Token = { Querystring: { token?: string } };

// Creating an account hashes a password: slowed per address of origin, as sign-up is.
// Creating an account from an invitation: open to everyone, rate-limited per address.
const SENSITIVE = withPolicy(PUBLIC_ROUTE, { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } });

const listValues = (body: unknown, names: string[]) =>
  Object.fromEntries(
    names.map((n) => {
      const v = (body as Record<string, unknown> | undefined)?.[n];
      return [n, Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []];
    }),
  );

/** The jurors' side: accepting an invitation, the declaration, conflicts, and one's jury work. */
export function jurorRoutes(service: JuryService) {
  return async function (app: FastifyInstance) {
    const invalidInvitation = (reply: FastifyReply) =>
      reply.page(
        (ctx) => (
          <MessagePage
            ctx={ctx}
            title={ctx.t('jury.invitation.title')}
            body={ctx.t('jury.invitation.invalid')}
            link={{ href: '/jury', label: ctx.t('jury.mine.title') }}
          />
        ),
        400,
      );

    const invitationPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      token: string,
      form: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {},
    ) => {
      const invitation = await service.invitation(request.actor, token);
      if (invitation.status === 'invalid') return invalidInvitation(reply);
      // Someone with an account signs in first and comes back here.
      if (!request.actor && invitation.accountExists)
        return reply.redirect(
          `/sign-in?next=${encodeURIComponent(`/jury/invitations/accept?token=${encodeURIComponent(token)}`)}`,
          303,
        );
      return reply.page(
        (ctx) => (
          <InvitationPage ctx={ctx} invitation={invitation} token={token} errors={form.errors} values={form.values} />
        ),
        form.status ?? 200,
      );
    };

    app.get('/jury', SIGNED_IN_ROUTE, async (request, reply) => {
      const seats = await service.mySeats(request.actor);
      return reply.page((ctx) => <MyJuryPage ctx={ctx} seats={seats} />);
    });

    app.get<Token>('/jury/invitations/accept', PUBLIC_ROUTE, (request, reply) =>
      invitationPage(request, reply, request.query.token ?? ''),
    );

    app.post<Body>('/jury/invitations/accept', SIGNED_IN_ROUTE, async (request, reply) => {
      const token = submittedValues(request.body).token ?? '';
      const result = await service.acceptInvitation({ actor: request.actor, token, locale: request.locale });
      if (result.status === 'invalid') return invalidInvitation(reply);
      if (result.status === 'other-address') return invitationPage(request, reply, token, { status: 403 });
      return reply.flash('jury.flash.joined').redirect(`/jury/calls/${result.callId}/declaration`, 303);
    });

    app.post<Body>('/jury/invitations/account', SENSITIVE, async (request, reply) => {
      const token = submittedValues(request.body).token ?? '';
      const form = parseForm(newAccountForm, request.body);
      if (!form.ok)
        return invitationPage(request, reply, token, {
          errors: form.errors,
          values: submittedValues(request.body),
          status: 422,
        });
      const result = await service.acceptWithNewAccount({
        token,
        displayName: form.data.displayName,
        password: form.data.password,
        locale: request.locale,
      });
      if (result.status === 'invalid') return invalidInvitation(reply);
      if (result.status === 'account-exists') return invitationPage(request, reply, token);
      return reply
        .startSession(result.sessionToken)
        .flash('jury.flash.joined')
        .redirect(`/jury/calls/${result.callId}/declaration`, 303);
    });

    app.get<Id>('/jury/calls/:id/declaration', recordRoute('jury-seat', 'declare'), async (request, reply) => {
      const view = await service.declarationView(request.actor, request.params.id);
      return reply.page((ctx) => <DeclarationPage ctx={ctx} view={view} />);
    });

    app.post<Id & Body>('/jury/calls/:id/declaration', recordRoute('jury-seat', 'declare'), async (request, reply) => {
      const id = request.params.id;
      const form = parseForm(declarationForm, request.body);
      if (!form.ok) {
        const view = await service.declarationView(request.actor, id);
        const values = listValues(request.body, ['targetPublics', 'activityTypes', 'digcompAreas', 'languages']);
        return reply.page((ctx) => <DeclarationPage ctx={ctx} view={view} values={values} errors={form.errors} />, 422);
      }
      const { declaration: _signed, ...expertise } = form.data;
      const signed = await service.signDeclaration({ actor: request.actor, callId: id, expertise });
      if (!signed.ok) {
        // The form requires a language already: a refusal here is a request no page sends, answered in its words.
        const view = await service.declarationView(request.actor, id);
        const errors = { languages: { key: refusalMessage(signed.refusals, DECLARATION_REFUSALS) } };
        return reply.page((ctx) => <DeclarationPage ctx={ctx} view={view} errors={errors} />, 422);
      }
      return reply.flash('jury.flash.declarationSigned').redirect('/jury', 303);
    });

    const conflictsPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      opts: { form?: FormState; notice?: { key: MessageKey }; status?: number } = {},
    ) => {
      const view = await service.conflictsView(request.actor, id);
      return reply.page(
        (ctx) => <JurorConflictsPage ctx={ctx} view={view} form={opts.form} notice={opts.notice} />,
        opts.status ?? 200,
      );
    };

    app.get<Id>('/jury/calls/:id/conflicts', recordRoute('jury-seat', 'declare'), (request, reply) =>
      conflictsPage(request, reply, request.params.id),
    );

    app.post<Id & Body>('/jury/calls/:id/conflicts', recordRoute('jury-seat', 'declare'), async (request, reply) => {
      const id = request.params.id;
      const values = submittedValues(request.body);
      const form = parseForm(conflictForm, request.body);
      if (!form.ok) return conflictsPage(request, reply, id, { form: { values, errors: form.errors }, status: 422 });
      const declared = await service.declareConflict({ actor: request.actor, callId: id, ...form.data });
      if (!declared.ok)
        return conflictsPage(request, reply, id, {
          form: { values, errors: {} },
          notice: { key: refusalMessage(declared.refusals, DECLARE_CONFLICT_REFUSALS) },
          status: 409,
        });
      return reply.flash('jury.flash.conflictDeclared').redirect(`/jury/calls/${id}/conflicts`, 303);
    });
  };
}
