// ESLint: JavaScript's recommended rules and typescript-eslint's type-checked ones, over the sources, tests and scripts.
// Formatting is Prettier's (`npm run format`), so no rule here is about layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'tests/fixtures/', 'bench/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // The sources are checked as they are built (noUncheckedIndexedAccess on), the tests as they are type-checked.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['tests/**/*.ts', 'vitest.config.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', URL: 'readonly' },
    },
  },
  {
    // bin/ is CommonJS (bin/package.json), for a start-up without the ES module loader.
    files: ['bin/**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Test doubles keep the async signatures of what they stand in for; JSON read back from the CLI is checked by the assertions themselves.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Destructuring a field away (`{ offset: _o, ...rest }`) names it to leave it out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          varsIgnorePattern: '^_',
          argsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
);
