/** The figure types live in src/model/figures.ts (stats and report read them too). */
export type * from '../model/figures.js';
