/**
 * `GET /v1/models`: one list both SDKs read (Anthropic's `type`/`display_name`/`has_more`,
 * OpenAI's `object`/`owned_by`).
 */

import type { RequestHandler } from 'express';

import type { Driver, ModelInfo } from '../drivers/types.ts';
import { ApiError } from '../middleware/errors.ts';

const CREATED = '2025-01-01T00:00:00Z';

const OWNERS: Record<string, string> = { claude: 'anthropic', codex: 'openai', gemini: 'google' };

export function unknownModel( driver: Driver, model: string, param = 'model' ): ApiError {
	const accepted = driver.models().map( ( m ) => m.id );
	return new ApiError( 'invalid_request', `model: "${ model }" is not a model any engine running here accepts (GET /v1/models lists them). Accepted: ${ accepted.join( ', ' ) }`, undefined, param );
}

function modelEntry( m: ModelInfo ): Record<string, unknown> {
	return {
		type: 'model',
		id: m.id,
		display_name: m.display_name,
		created_at: CREATED,
		object: 'model',
		created: Math.floor( Date.parse( CREATED ) / 1000 ),
		owned_by: OWNERS[ m.engine ?? 'claude' ] ?? 'local',
		...( m.alias_of ? { alias_of: m.alias_of } : {} ),
		...( m.engine ? { engine: m.engine } : {} ),
	};
}

export function modelsRoute( driver: Driver ): RequestHandler {
	return ( _req, res ) => {
		const data = driver.models().map( modelEntry );
		res.json( { object: 'list', data, has_more: false, first_id: data[ 0 ]?.id ?? null, last_id: data[ data.length - 1 ]?.id ?? null } );
	};
}

/** `GET /v1/models/:id` (both SDKs' `models.retrieve`). */
export function modelRoute( driver: Driver ): RequestHandler {
	return ( req, res ) => {
		const model = driver.models().find( ( m ) => m.id === req.params.id );
		if ( ! model ) {
			throw new ApiError( 'not_found', `model "${ String( req.params.id ) }" is not known here; GET /v1/models lists the accepted ones` );
		}
		res.json( modelEntry( model ) );
	};
}
