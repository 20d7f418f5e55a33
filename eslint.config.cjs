/**
 * ESLint flat config: @wordpress/scripts' defaults, plus TypeScript files.
 */
const defaultConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	...defaultConfig,
	{
		ignores: [ 'plugin/build/**', 'tests/e2e/artifacts/**' ],
	},
	{
		files: [ '**/*.test.{ts,tsx}' ],
		languageOptions: {
			globals: {
				describe: 'readonly',
				it: 'readonly',
				test: 'readonly',
				expect: 'readonly',
				jest: 'readonly',
				beforeEach: 'readonly',
				afterEach: 'readonly',
			},
		},
	},
	{
		settings: {
			// Provided by WordPress at run time (wp.editor) or bundled: not in package.json.
			'import/core-modules': [ '@wordpress/editor' ],
		},
	},
];
