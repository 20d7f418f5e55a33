/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * `window.agenticWriterAdmin`, printed by Admin_Menu::page_config().
 */
const adminConfigSchema = z.object( {
	version: z.string(),
	localBackendDownload: z.object( {
		url: z.string(),
		available: z.boolean(),
	} ),
} );

export type AdminConfig = z.infer< typeof adminConfigSchema >;

/**
 * The page config, or null when the page was not printed by the plugin (or is malformed).
 *
 * @param value `window.agenticWriterAdmin`.
 */
export function readAdminConfig( value: unknown ): AdminConfig | null {
	const result = adminConfigSchema.safeParse( value );
	return result.success ? result.data : null;
}
