/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from './api-client';
import {
	connectionTestSchema,
	localBackendStatusSchema,
	modelListSchema,
	parseBody,
	providersSchema,
	settingsSchema,
	type ConnectionTest,
	type LocalBackendStatus,
	type ModelList,
	type ProvidersOverview,
	type Settings,
} from './provider-settings';

/**
 * Reads the settings, keys masked (administrators).
 */
export async function fetchSettings(): Promise< Settings > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/settings`,
	} );
	return parseBody( settingsSchema, body, 'settings' );
}

/**
 * Saves a partial settings object; resolves with the settings as now stored.
 *
 * @param patch Only the fields that changed.
 */
export async function saveSettings(
	patch: Record< string, unknown >
): Promise< Settings > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/settings`,
		method: 'POST',
		data: patch,
	} );
	return parseBody( settingsSchema, body, 'settings' );
}

/**
 * Every provider with its health, breaker state and what each task resolves to.
 */
export async function fetchProviders(): Promise< ProvidersOverview > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/providers`,
	} );
	return parseBody( providersSchema, body, 'providers' );
}

/**
 * Tests one provider's saved settings against its upstream.
 *
 * @param id Provider id (`openrouter`, `openai_compatible:<id>`, …).
 */
export async function testProvider( id: string ): Promise< ConnectionTest > {
	const body: unknown = await apiFetch( {
		// Ids are [a-z0-9_:-] only (Settings::PROVIDER_ID_PATTERN): safe in a path as they are.
		path: `/${ REST_NAMESPACE }/providers/${ id }/test`,
		method: 'POST',
	} );
	return parseBody( connectionTestSchema, body, 'connection test' );
}

/**
 * The models a provider offers, read with its saved settings (cached by the server).
 *
 * @param id      Provider id.
 * @param refresh Ask the provider again instead of the server's cache.
 */
export async function fetchModels(
	id: string,
	refresh = false
): Promise< ModelList > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/providers/${ id }/models${
			refresh ? '?refresh=1' : ''
		}`,
	} );
	return parseBody( modelListSchema, body, 'models' );
}

/**
 * Whether the local backend answers at its saved address, with its CLI drivers and pool.
 */
export async function fetchLocalBackendStatus(): Promise< LocalBackendStatus > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/local-backend/status`,
	} );
	return parseBody( localBackendStatusSchema, body, 'local backend status' );
}
