/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * Bodies of GET/POST settings, GET providers, GET providers/{id}/models,
 * GET local-backend/status and POST providers/{id}/test (plugin/src/Rest/*_Controller.php).
 * Providers are described by the server (`types`): nothing here names one.
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

/**
 * One provider's stored settings as GET settings shows them: plain values, and for each secret
 * `X` only `X_set`, `X_hint` and maybe `X_error` (secrets never come back).
 */
const storedProviderSchema = z.record( z.string(), z.unknown() );
export type StoredProvider = z.infer< typeof storedProviderSchema >;

/** A cap in US dollars; null: no cap. */
const capSchema = z.nullable( z.number() );

export const AT_CAP = [ 'local_only', 'refuse' ] as const;
export type AtCap = ( typeof AT_CAP )[ number ];

const budgetsSchema = z.object( {
	site_daily_usd: capSchema,
	site_monthly_usd: capSchema,
	user_daily_usd: capSchema,
	role_daily_usd: z._default( z.record( z.string(), z.number() ), {} ),
	alert_percent: z.number(),
	at_cap: z.enum( AT_CAP ),
	alert_email: z.boolean(),
} );
export type Budgets = z.infer< typeof budgetsSchema >;

const priceSchema = z.object( {
	input_per_mtok: z.number(),
	output_per_mtok: z.number(),
} );
export type Price = z.infer< typeof priceSchema >;

export const settingsSchema = z.object( {
	provider_mode: z.enum( PROVIDER_MODES ),
	routing: z.object( {
		mode: z.enum( [ 'simple', 'advanced' ] ),
		simple: z.object( { text: z.string(), image: z.string() } ),
		matrix: z.record( z.string(), z.array( z.string() ) ),
	} ),
	// A type that allows several instances stores a list; any other type one object.
	providers: z.record(
		z.string(),
		z.union( [ z.array( storedProviderSchema ), storedProviderSchema ] )
	),
	breaker: z.object( {
		failure_threshold: z.number(),
		cooldown_seconds: z.number(),
	} ),
	timeouts: z.object( {
		connect_seconds: z.number(),
		read_seconds: z.number(),
	} ),
	// Budgets (DESIGN.md §5): optional, so the page still loads against an older plugin.
	budgets: z.optional( budgetsSchema ),
	/** The admin's prices per million tokens, by model. */
	prices: z.optional( z.record( z.string(), priceSchema ) ),
	/** Days usage rows are kept; 0 keeps them all. */
	retention_days: z.optional( z.number() ),
	/** Read-only: whether an ingest secret is set, and its hint. */
	ingest: z.optional(
		z.object( {
			secret_set: z.boolean(),
			secret_hint: z._default( z.string(), '' ),
		} )
	),
} );

export type Settings = z.infer< typeof settingsSchema >;

/** `secret | url | model | text | id`; an unknown type is edited as text. */
const fieldSchema = z.object( {
	name: z.string(),
	label: z.string(),
	type: z.string(),
	default: z._default( z.string(), '' ),
	required: z._default( z.boolean(), false ),
	help: z._default( z.string(), '' ),
	placeholder: z._default( z.string(), '' ),
	task: z.optional( z.string() ),
} );
export type ProviderField = z.infer< typeof fieldSchema >;

const descriptorSchema = z.object( {
	type: z.string(),
	label: z.string(),
	description: z._default( z.string(), '' ),
	kind: z.enum( [ 'local', 'cloud' ] ),
	multiple: z._default( z.boolean(), false ),
	capabilities: z.object( {
		tasks: z.array( z.string() ),
		streaming: z._default( z.boolean(), false ),
		images: z._default( z.boolean(), false ),
		models: z._default( z.boolean(), false ),
	} ),
	cost_source: z._default( z.string(), 'none' ),
	fields: z.array( fieldSchema ),
} );
export type ProviderDescriptor = z.infer< typeof descriptorSchema >;

const providerStatusSchema = z.object( {
	id: z.string(),
	type: z.optional( z.string() ),
	label: z.string(),
	kind: z.enum( [ 'local', 'cloud' ] ),
	configured: z.boolean(),
	default_model: z.optional( z.string() ),
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
	types: z.array( descriptorSchema ),
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

export const modelListSchema = z.object( {
	provider: z.string(),
	models: z.array(
		z.object( { id: z.string(), name: z._default( z.string(), '' ) } )
	),
	cached: z._default( z.boolean(), false ),
} );

export type ModelList = z.infer< typeof modelListSchema >;

const driverSchema = z.object( {
	name: z.string(),
	version: z.nullable( z.string() ),
	ready: z.boolean(),
	logged_in: z.nullable( z.boolean() ),
	login_method: z.nullable( z.string() ),
} );

// Only `reachable` and `message` are needed to say something useful; the rest may be missing.
const orNull = < T extends z.ZodMiniType >( schema: T ) =>
	z._default( z.nullable( schema ), null );

export const localBackendStatusSchema = z.object( {
	configured: z._default( z.boolean(), true ),
	base_url: z._default( z.string(), '' ),
	reachable: z.boolean(),
	ok: z._default( z.boolean(), false ),
	message: z._default( z.string(), '' ),
	latency_ms: orNull( z.number() ),
	status: orNull( z.string() ),
	version: orNull( z.string() ),
	drivers: z._default( z.array( driverSchema ), [] ),
	pool: orNull(
		z.object( {
			size: z.number(),
			ready: z.number(),
			starting: z._default( z.number(), 0 ),
			served_warm: z._default( z.number(), 0 ),
			served_cold: z._default( z.number(), 0 ),
		} )
	),
	queue: orNull( z.record( z.string(), z.unknown() ) ),
} );

export type LocalBackendStatus = z.infer< typeof localBackendStatusSchema >;
export type LocalBackendDriver = z.infer< typeof driverSchema >;

export const ingestSecretSchema = z.object( {
	secret: z.string(),
	note: z._default( z.string(), '' ),
} );

export type IngestSecret = z.infer< typeof ingestSecretSchema >;

export { parseBody } from './parse-body';
