import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The DOCX code edits XML through a DOM and writes it with one writer: no
 * regular expression is ever applied to WordprocessingML. Every regular
 * expression in src/docx is found with TypeScript's own scanner, and none
 * may match XML markup (an element, a `w:` or `r:` name, a namespace).
 */
describe('src/docx', () => {
  it('has no regular expression over XML', () => {
    const dir = path.join(ROOT, 'src', 'docx');
    const found: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const scanner = ts.createScanner(
        ts.ScriptTarget.Latest,
        false,
        ts.LanguageVariant.Standard,
        readFileSync(path.join(dir, file), 'utf8'),
      );
      let previous = ts.SyntaxKind.Unknown;
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        // A slash where an expression starts is a regular expression.
        if (
          (token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) &&
          [
            ts.SyntaxKind.OpenParenToken,
            ts.SyntaxKind.EqualsToken,
            ts.SyntaxKind.CommaToken,
            ts.SyntaxKind.QuestionToken,
            ts.SyntaxKind.ColonToken,
            ts.SyntaxKind.ReturnKeyword,
            ts.SyntaxKind.ExclamationToken,
            ts.SyntaxKind.AmpersandAmpersandToken,
            ts.SyntaxKind.BarBarToken,
          ].includes(previous)
        ) {
          token = scanner.reScanSlashToken();
        }
        if (token === ts.SyntaxKind.RegularExpressionLiteral) {
          const source = scanner.getTokenText();
          if (/<\/?[a-z]+:|\b[wr]:[a-zA-Z]|xmlns|_Toc|numId|bookmark/i.test(source)) found.push(`${file}: ${source}`);
        }
        if (token !== ts.SyntaxKind.WhitespaceTrivia && token !== ts.SyntaxKind.NewLineTrivia) previous = token;
      }
    }
    expect(found).toEqual([]);
  });
});
