// Fuzzing what applicants, screening officers and jurors post: applications, organisations, questions, evaluations.
import { fuzzRoutes } from '../helpers/fuzz.ts';

const AREA = /^\/(applications|manage\/applications|calls|organisations|jury)\//;
fuzzRoutes('applications and jury', (route) => AREA.test(route.url) || route.url === '/organisations');
