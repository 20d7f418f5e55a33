/**
 * Playwright against the running local WordPress (`npm run wp -- up`), with Debian's Chromium.
 * The site (URL, admin login) comes from `.wp/sites/<AW_WP_DB>/info.json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const repo = path.resolve( __dirname, '../..' );
const db = process.env.AW_WP_DB || 'sqlite';
// AW_WP_INFO: another site's info.json (same shape), e.g. a scratch copy of the runtime.
const infoFile =
	process.env.AW_WP_INFO || path.join( repo, '.wp/sites', db, 'info.json' );

type SiteInfo = {
	url: string;
	users: { admin: { login: string; password: string } };
};

function readSiteInfo(): SiteInfo {
	try {
		return JSON.parse( readFileSync( infoFile, 'utf8' ) ) as SiteInfo;
	} catch ( error ) {
		throw new Error(
			`No local WordPress for AW_WP_DB=${ db } (${ infoFile }: ${
				( error as Error ).message
			}). Start it with: npm run wp -- up --db=${ db }`
		);
	}
}

const site = readSiteInfo();
const artifacts = path.join( __dirname, 'artifacts' );

// Read by @wordpress/e2e-test-utils-playwright.
process.env.WP_BASE_URL = site.url;
process.env.WP_USERNAME = site.users.admin.login;
process.env.WP_PASSWORD = site.users.admin.password;
process.env.STORAGE_STATE_PATH = path.join(
	artifacts,
	'storage-states',
	`admin-${ db }.json`
);

export default defineConfig( {
	testDir: './specs',
	globalSetup: require.resolve( './global-setup.ts' ),
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	forbidOnly: !! process.env.CI,
	reporter: [
		[ 'list' ],
		[
			'junit',
			{
				outputFile:
					process.env.PLAYWRIGHT_JUNIT_OUTPUT_NAME ||
					path.join( repo, 'tests/results/e2e.xml' ),
			},
		],
	],
	outputDir: path.join( artifacts, 'test-results' ),
	use: {
		baseURL: site.url,
		storageState: process.env.STORAGE_STATE_PATH,
		headless: true,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		video: 'off',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
} );
