/** The part of opentype.js (which ships no types) that coprod uses: measuring text in the chart font. */
declare module 'opentype.js' {
  export interface Font {
    getAdvanceWidth(text: string, fontSize: number): number;
  }
  export const parse: ((buffer: ArrayBuffer) => Font) | undefined;
}
