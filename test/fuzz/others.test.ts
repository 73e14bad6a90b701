// Fuzzing the rest: accounts and sign-in, administration, directory, grants and payments, webhooks.
import { fuzzRoutes } from '../helpers/fuzz.ts';

const ELSEWHERE = /^\/(manage\/calls\/|applications|manage\/applications|calls|organisations|jury)(\/|$)/;
fuzzRoutes('accounts, administration, directory, grants', (route) => !ELSEWHERE.test(route.url));
