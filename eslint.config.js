// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/', 'src/pipeline/generated/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message:
            'Business logic never reads process.env: read it in an adapter (src/actions, src/cli) and pass settings in.',
        },
        {
          selector:
            "CallExpression[callee.object.name='core'][callee.property.name=/^get(Input|BooleanInput|MultilineInput)$/]",
          message: 'Only src/actions/inputs.ts reads action inputs.',
        },
      ],
    },
  },
  {
    // Adapters, scripts, tests and benchmarks are where the environment is read.
    files: [
      'src/actions/**',
      'src/cli/**',
      'test/**',
      'bench/**',
      'scripts/**',
      'vitest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
