/**
 * Internal dependencies
 */
import type {
	ProviderDescriptor,
	ProviderField,
	ProvidersOverview,
	ProviderStatus,
	Settings,
} from '../shared/provider-settings';

/**
 * GET settings as a fresh site answers it, with an OpenRouter key stored, and two providers
 * added by other plugins: `echo` (no settings) and `acme` (a region and a key) (tests only).
 */
export function settingsFixture(): Settings {
	return {
		provider_mode: 'cloud',
		routing: {
			mode: 'simple',
			simple: { text: 'openrouter', image: 'openrouter' },
			matrix: {},
		},
		providers: {
			openrouter: {
				base_url: 'https://openrouter.ai/api/v1',
				model: 'openai/gpt-4o-mini',
				image_model: 'google/gemini-2.5-flash-image',
				api_key_set: true,
				api_key_hint: '…abcd',
			},
			local_backend: {
				base_url: 'http://127.0.0.1:8080',
				model: 'sonnet',
				api_key_set: false,
				api_key_hint: '',
			},
			anthropic: {
				base_url: 'https://api.anthropic.com',
				model: 'claude-sonnet-4-5',
				api_key_set: false,
				api_key_hint: '',
			},
			openai_compatible: [
				{
					id: 'lmstudio',
					label: 'LM Studio',
					base_url: 'http://127.0.0.1:1234/v1',
					model: 'qwen',
					api_key_set: true,
					api_key_hint: '…wxyz',
				},
			],
			echo: {},
			acme: { region: 'eu', api_key_set: false, api_key_hint: '' },
		},
		breaker: { failure_threshold: 3, cooldown_seconds: 30 },
		timeouts: { connect_seconds: 2, read_seconds: 120 },
	};
}

const field = (
	name: string,
	label: string,
	type: string,
	extra: Partial< ProviderField > = {}
): ProviderField => ( {
	name,
	label,
	type,
	default: '',
	required: false,
	help: '',
	placeholder: '',
	...extra,
} );

const apiKey = field( 'api_key', 'API key', 'secret' );
const baseUrl = ( value: string ) =>
	field( 'base_url', 'Base URL', 'url', { default: value, required: true } );
const model = ( value: string ) =>
	field( 'model', 'Model', 'model', { default: value } );

const descriptor = (
	type: string,
	label: string,
	fields: ProviderField[],
	extra: Partial< ProviderDescriptor > = {}
): ProviderDescriptor => ( {
	type,
	label,
	description: `${ label } in one sentence.`,
	kind: 'cloud',
	multiple: false,
	capabilities: {
		tasks: [ 'chat', 'clarity', 'planning', 'writing', 'refinement' ],
		streaming: true,
		images: false,
		models: true,
	},
	cost_source: 'metered',
	fields,
	...extra,
} );

/** The `types` of GET providers, as the built-ins and the two test plugins describe them. */
export function typesFixture(): ProviderDescriptor[] {
	return [
		descriptor(
			'openrouter',
			'OpenRouter',
			[
				apiKey,
				baseUrl( 'https://openrouter.ai/api/v1' ),
				model( 'openai/gpt-4o-mini' ),
				field( 'image_model', 'Image model', 'model', {
					task: 'image',
				} ),
			],
			{
				description: 'One key, hundreds of models; also draws images.',
			}
		),
		descriptor(
			'local_backend',
			'Local backend',
			[ apiKey, baseUrl( 'http://127.0.0.1:8080' ), model( 'sonnet' ) ],
			{ kind: 'local', cost_source: 'subscription' }
		),
		descriptor( 'anthropic', 'Anthropic', [
			apiKey,
			baseUrl( 'https://api.anthropic.com' ),
			model( 'claude-sonnet-4-5' ),
		] ),
		descriptor(
			'openai_compatible',
			'OpenAI-compatible',
			[
				field( 'id', 'Id', 'id', {
					required: true,
					help: 'Lowercase letters, digits, - and _.',
				} ),
				field( 'label', 'Label', 'text' ),
				apiKey,
				baseUrl( 'http://127.0.0.1:1234/v1' ),
				model( '' ),
			],
			{ multiple: true, cost_source: 'estimated' }
		),
		descriptor( 'echo', 'Echo', [], {
			description: 'Answers with your own words.',
			kind: 'local',
			capabilities: {
				tasks: [ 'chat' ],
				streaming: true,
				images: false,
				models: false,
			},
			cost_source: 'none',
		} ),
		descriptor( 'acme', 'Acme AI', [
			field( 'region', 'Region', 'text', {
				default: 'us',
				help: 'Where your account lives.',
			} ),
			apiKey,
		] ),
	];
}

const status = (
	id: string,
	type: string,
	label: string,
	configured: boolean
): ProviderStatus => ( {
	id,
	type,
	label,
	kind: type === 'local_backend' || type === 'echo' ? 'local' : 'cloud',
	configured,
	default_model: 'm',
	health: null,
	breaker: { state: 'closed', failures: 0, retry_at: null },
} );

/** GET providers for settingsFixture(). */
export function providersFixture(): ProvidersOverview {
	return {
		providers: [
			status( 'openrouter', 'openrouter', 'OpenRouter', true ),
			status( 'local_backend', 'local_backend', 'Local backend', false ),
			status( 'anthropic', 'anthropic', 'Anthropic', false ),
			status(
				'openai_compatible:lmstudio',
				'openai_compatible',
				'LM Studio',
				true
			),
			status( 'echo', 'echo', 'Echo', true ),
			status( 'acme', 'acme', 'Acme AI', false ),
		],
		types: typesFixture(),
		routing: {},
	};
}
