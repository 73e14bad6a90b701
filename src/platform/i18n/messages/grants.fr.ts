import { grantsEn } from './grants.en.ts';

// TODO translate
export const grantsFr: Record<keyof typeof grantsEn, string> = { ...grantsEn };
