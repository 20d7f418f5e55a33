/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * Bodies of GET/POST settings, GET providers and POST providers/{id}/test
 * (plugin/src/Settings/Settings.php, plugin/src/Rest/*_Controller.php).
 */
export const TASKS = [
	'chat',
	'clarity',
	'planning',
	'writing',
	'refinement',
	'image',
] as const;
export type Task = ( typeof TASKS )[ number ];

export const PROVIDER_MODES = [ 'cloud', 'local', 'hybrid' ] as const;
export type ProviderMode = ( typeof PROVIDER_MODES )[ number ];

export const SINGLE_PROVIDERS = [
	'openrouter',
	'local_backend',
	'anthropic',
] as const;
export type SingleProviderId = ( typeof SINGLE_PROVIDERS )[ number ];

// Keys never come back: only whether one is stored and its last four characters.
const maskedKey = {
	api_key_set: z.boolean(),
	api_key_hint: z.string(),
	api_key_error: z.optional( z.string() ),
};

const singleProviderSchema = z.object( {
	base_url: z.string(),
	model: z.string(),
	image_model: z.optional( z.string() ),
	...maskedKey,
} );

const instanceSchema = z.object( {
	id: z.string(),
	label: z.string(),
	base_url: z.string(),
	model: z.string(),
	...maskedKey,
} );

export const settingsSchema = z.object( {
	provider_mode: z.enum( PROVIDER_MODES ),
	routing: z.object( {
		mode: z.enum( [ 'simple', 'advanced' ] ),
		simple: z.object( { text: z.string(), image: z.string() } ),
		matrix: z.record( z.string(), z.array( z.string() ) ),
	} ),
	providers: z.object( {
		openrouter: singleProviderSchema,
		local_backend: singleProviderSchema,
		anthropic: singleProviderSchema,
		openai_compatible: z.array( instanceSchema ),
	} ),
	breaker: z.object( {
		failure_threshold: z.number(),
		cooldown_seconds: z.number(),
	} ),
	timeouts: z.object( {
		connect_seconds: z.number(),
		read_seconds: z.number(),
	} ),
} );

export type Settings = z.infer< typeof settingsSchema >;
export type SingleProviderSettings = z.infer< typeof singleProviderSchema >;
export type InstanceSettings = z.infer< typeof instanceSchema >;

const providerStatusSchema = z.object( {
	id: z.string(),
	label: z.string(),
	kind: z.enum( [ 'local', 'cloud' ] ),
	configured: z.boolean(),
	health: z.nullable(
		z.object( {
			ok: z.boolean(),
			code: z.string(),
			message: z.string(),
			checked_at: z.string(),
		} )
	),
	breaker: z.object( {
		state: z.enum( [ 'closed', 'open', 'half_open' ] ),
		failures: z.number(),
		retry_at: z.nullable( z.number() ),
	} ),
} );

export const providersSchema = z.object( {
	providers: z.array( providerStatusSchema ),
	routing: z.record(
		z.string(),
		z.object( {
			chain: z.array( z.string() ),
			error: z.nullable( z.string() ),
		} )
	),
} );

export type ProviderStatus = z.infer< typeof providerStatusSchema >;
export type ProvidersOverview = z.infer< typeof providersSchema >;

export const connectionTestSchema = z.object( {
	provider: z.string(),
	ok: z.boolean(),
	code: z.string(),
	message: z.string(),
} );

export type ConnectionTest = z.infer< typeof connectionTestSchema >;

export { parseBody } from './parse-body';
