import type { RefusalMessages } from '../../platform/http/refusals.ts';
import { STALE_MESSAGES } from '../../platform/http/refusals.ts';
import type { CreatePlaceRefusal } from './commands/createPlace.ts';
import type { ApplyImportRefusal, PrepareImportRefusal } from './commands/importPlaces.ts';
import type { MarkPlaceCheckedRefusal } from './commands/markPlaceChecked.ts';
import type { TransitionPlaceRefusal } from './commands/transitionPlace.ts';
import type { UpdatePlaceRefusal } from './commands/updatePlace.ts';

export const CREATE_REFUSALS = {
  'id-taken': 'directory.refusal.id-taken',
} as const satisfies RefusalMessages<CreatePlaceRefusal>;

export const UPDATE_REFUSALS = {
  ...STALE_MESSAGES,
  'not-editable': 'directory.refusal.not-editable',
} as const satisfies RefusalMessages<UpdatePlaceRefusal>;

export const TRANSITION_REFUSALS = {
  'invalid-transition': 'directory.refusal.invalid-transition',
} as const satisfies RefusalMessages<TransitionPlaceRefusal>;

export const CHECK_REFUSALS = {
  'not-published': 'directory.refusal.not-published',
} as const satisfies RefusalMessages<MarkPlaceCheckedRefusal>;

const FILE_REFUSALS = {
  'csv-syntax': 'directory.refusal.csv-syntax',
  'json-syntax': 'directory.refusal.json-syntax',
  'not-a-list': 'directory.refusal.not-a-list',
  empty: 'directory.refusal.empty',
} as const satisfies RefusalMessages<PrepareImportRefusal>;

export const PREPARE_REFUSALS = FILE_REFUSALS;

export const APPLY_REFUSALS = {
  ...FILE_REFUSALS,
  'already-applied': 'directory.refusal.already-applied',
} as const satisfies RefusalMessages<ApplyImportRefusal>;
