// Reads or writes the plugin's raw settings option through PHP, so a benchmark can put the
// site's settings back exactly (REST never returns the API keys).
import { execFileSync } from 'node:child_process';

import type { SiteInfo } from './wordpress.ts';

/** The option as JSON (`null` when absent); with `value`, writes it first (`'null'` deletes it). */
export function settingsOption( info: SiteInfo, value?: string ): string {
	const code =
		'$_SERVER["HTTP_HOST"]="127.0.0.1"; require getenv("AW_SITE") . "/wp-load.php";' +
		'if ( getenv("AW_SET") !== false ) { $v = json_decode( getenv("AW_SET"), true ); null === $v ? delete_option("agentic_writer_settings") : update_option("agentic_writer_settings", $v, true); }' +
		'echo wp_json_encode( get_option("agentic_writer_settings", null) );';
	const env: NodeJS.ProcessEnv = { ...process.env, AW_SITE: info.path };
	if ( value !== undefined ) {
		env.AW_SET = value;
	}
	return execFileSync( 'php', [ '-r', code ], { env, encoding: 'utf8' } );
}

/** Puts back what `settingsOption( info )` returned before the benchmark changed anything. */
export function restoreSettings( info: SiteInfo, saved: string ): void {
	settingsOption( info, saved.trim() === 'null' ? 'null' : saved );
}
