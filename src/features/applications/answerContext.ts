import type { AnswerContext } from '../../domain/forms/answers.ts';
import { allFields, type FormDefinition } from '../../domain/forms/definition.ts';
import type { ApplicationContext } from '../calls/service.ts';

/** The call's rules that answers are checked against: its publics, its grant range and co-funding rule. */
export function answerContext(context: ApplicationContext): AnswerContext {
  const { call, publics } = context;
  return {
    targetPublics: publics.map((p) => p.key),
    grant: {
      minCents: call.grantMinCents,
      maxCents: call.grantMaxCents,
      coFundingMaxPercent: call.coFundingMaxPercent,
    },
  };
}

/** The fields an applicant may change: all of them in a draft, only the reopened ones after a return. */
export function fieldsAfterReturn(form: FormDefinition, ret: { openFields: string[] } | null): Set<string> {
  return new Set(ret ? ret.openFields : allFields(form).map((f) => f.id));
}
