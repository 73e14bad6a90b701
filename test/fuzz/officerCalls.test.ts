// Fuzzing the officers' call pages: the editor, criteria, form, documents, jury, selection, decision.
import { fuzzRoutes } from '../helpers/fuzz.ts';

fuzzRoutes('officers’ call', (route) => route.url.startsWith('/manage/calls/'));
