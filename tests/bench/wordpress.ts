// Reads the local runtime's site info (written by scripts/wp.sh) for benchmarks and tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Role = 'admin' | 'editor' | 'contributor' | 'subscriber';
export interface SiteInfo {
	url: string;
	db: 'sqlite' | 'mariadb';
	path: string;
	users: Record< Role, { login: string; password: string; app_password: string } >;
}

/** `bare` is the SQLite site without the plugin (`npm run wp -- up --bare`). */
export function siteInfo( db: 'sqlite' | 'mariadb' | 'bare' = 'sqlite' ): SiteInfo {
	// Same profiles as scripts/wp.sh: npm test and npm run bench use the `test` sites.
	const sites = process.env.AW_WP_PROFILE === 'test' ? 'test-sites' : 'sites';
	const file = join( import.meta.dirname, '../../.wp', sites, db, 'info.json' );
	try {
		return JSON.parse( readFileSync( file, 'utf8' ) ) as SiteInfo;
	} catch {
		throw new Error( `no ${ db } site: run npm run wp -- up ${ db === 'bare' ? '--bare' : `--db=${ db }` } first (${ file })` );
	}
}

/** Basic auth header value for a role's application password. */
export function appAuth( info: SiteInfo, role: Role ): string {
	const u = info.users[ role ];
	return 'Basic ' + Buffer.from( `${ u.login }:${ u.app_password }` ).toString( 'base64' );
}
