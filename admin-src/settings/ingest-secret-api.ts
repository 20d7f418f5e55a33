/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from '../shared/api-client';
import {
	ingestSecretSchema,
	parseBody,
	type IngestSecret,
} from '../shared/provider-settings';

/**
 * Generates a new ingest secret (the previous one stops working); the answer is the only time
 * it is shown.
 */
export async function rotateIngestSecret(): Promise< IngestSecret > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/usage/ingest/secret`,
		method: 'POST',
	} );
	return parseBody( ingestSecretSchema, body, 'ingest secret' );
}
