/**
 * JS unit tests beside the code (blocks-src, admin-src). local-backend and tests/mocks use
 * node:test and are not Jest's.
 *
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'jsdom',
	roots: [ '<rootDir>/blocks-src', '<rootDir>/admin-src' ],
	setupFiles: [ '<rootDir>/jest.setup.js' ],
	testMatch: [ '**/*.test.ts', '**/*.test.tsx' ],
	transform: {
		'^.+\\.m?(t|j)sx?$': [
			'@swc/jest',
			{
				jsc: {
					parser: { syntax: 'typescript', tsx: true },
					transform: { react: { runtime: 'automatic' } },
					target: 'es2022',
				},
				module: { type: 'commonjs' },
			},
		],
	},
	// ESM-only packages (uuid and @wordpress/theme via @wordpress/components; marked): compile those too.
	transformIgnorePatterns: [
		'/node_modules/(?!(uuid|@wordpress/theme|marked)/)',
	],
	moduleFileExtensions: [ 'ts', 'tsx', 'js', 'jsx', 'json' ],
	clearMocks: true,
};
