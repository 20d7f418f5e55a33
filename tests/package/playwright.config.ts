// Installs dist/agentic-writer.zip through wp-admin's upload form on a bare site (no plugin linked),
// as a site owner would. Run by `npm test` (suite `package`) after `npm run package`.
import { defineConfig } from '@playwright/test';
import { siteInfo } from '../bench/wordpress.ts';

const info = siteInfo( 'bare' );
export default defineConfig( {
	testDir: '.',
	testMatch: '*.spec.ts',
	workers: 1,
	timeout: 90_000,
	reporter: [ [ 'list' ], [ 'junit', { outputFile: process.env.PLAYWRIGHT_JUNIT_OUTPUT_NAME ?? '../results/package.xml' } ] ],
	outputDir: '../e2e/artifacts/package-results',
	use: {
		baseURL: info.url,
		headless: true,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [ '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync' ],
		},
	},
} );
