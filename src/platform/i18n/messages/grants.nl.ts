import { grantsEn } from './grants.en.ts';

// TODO translate
export const grantsNl: Record<keyof typeof grantsEn, string> = { ...grantsEn };
