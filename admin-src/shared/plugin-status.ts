/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * The body of GET agentic-writer/v1/status (Status_Controller::get_item_schema()).
 */
export const pluginStatusSchema = z.object( {
	version: z.string(),
	schema_version: z.number(),
	db_engine: z.enum( [ 'sqlite', 'mysql' ] ),
	php_version: z.string(),
	wp_version: z.optional( z.string() ),
} );

export type PluginStatus = z.infer< typeof pluginStatusSchema >;

export type DbEngine = PluginStatus[ 'db_engine' ];

/**
 * Checks a status body from the server; throws with the field that is wrong.
 *
 * @param body Parsed JSON from the status route.
 */
export function parsePluginStatus( body: unknown ): PluginStatus {
	const result = pluginStatusSchema.safeParse( body );
	if ( ! result.success ) {
		const issue = result.error.issues[ 0 ];
		const where = issue?.path.length ? issue.path.join( '.' ) : 'body';
		throw new Error(
			`Unexpected status response from the server (${ where }: ${
				issue?.message ?? 'invalid'
			}).`
		);
	}
	return result.data;
}

/**
 * Human name of a database engine.
 *
 * @param engine Engine id from the status route.
 */
export function describeDbEngine( engine: DbEngine ): string {
	return engine === 'sqlite' ? 'SQLite' : 'MySQL / MariaDB';
}
