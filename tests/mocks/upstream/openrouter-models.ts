/**
 * The model catalogue, OpenRouter-shaped (prices in USD per token, as strings), with the
 * `object`/`owned_by` fields the OpenAI SDK's `models.list()` expects.
 */

type Modality = 'text' | 'image' | 'file' | 'audio';

export interface CatalogueModel {
	id: string;
	name: string;
	context_length: number;
	pricing: { prompt: string; completion: string; image: string; request: string };
	architecture: { input_modalities: Modality[]; output_modalities: Modality[] };
}

const CREATED = 1_735_689_600; // 2025-01-01, fixed so responses are deterministic

function model(
	id: string,
	name: string,
	contextLength: number,
	prompt: string,
	completion: string,
	inputModalities: Modality[],
	outputModalities: Modality[] = [ 'text' ],
	image = '0'
): CatalogueModel {
	return {
		id,
		name,
		context_length: contextLength,
		pricing: { prompt, completion, image, request: '0' },
		architecture: { input_modalities: inputModalities, output_modalities: outputModalities },
	};
}

export const CATALOGUE: readonly CatalogueModel[] = [
	model( 'openai/gpt-4o', 'OpenAI: GPT-4o', 128_000, '0.0000025', '0.00001', [ 'text', 'image', 'file' ] ),
	model( 'openai/gpt-4o-mini', 'OpenAI: GPT-4o-mini', 128_000, '0.00000015', '0.0000006', [ 'text', 'image', 'file' ] ),
	model( 'anthropic/claude-sonnet-4.5', 'Anthropic: Claude Sonnet 4.5', 1_000_000, '0.000003', '0.000015', [ 'text', 'image', 'file' ] ),
	model( 'anthropic/claude-haiku-4.5', 'Anthropic: Claude Haiku 4.5', 200_000, '0.000001', '0.000005', [ 'text', 'image' ] ),
	model(
		'google/gemini-2.5-flash-image',
		'Google: Gemini 2.5 Flash Image (Nano Banana)',
		32_768,
		'0.0000003',
		'0.0000025',
		[ 'image', 'text' ],
		[ 'image', 'text' ],
		'0.001238'
	),
	model( 'meta-llama/llama-3.1-8b-instruct', 'Meta: Llama 3.1 8B Instruct', 131_072, '0.00000002', '0.00000003', [ 'text' ] ),
];

export function findModel( id: string ): CatalogueModel | undefined {
	return CATALOGUE.find( ( entry ) => entry.id === id );
}

/** USD for one request, from the catalogue's per-token prices; 0 for a model it does not list. */
export function costUsd( modelId: string, promptTokens: number, completionTokens: number ): number {
	const entry = findModel( modelId );
	if ( ! entry ) {
		return 0;
	}
	const { prompt, completion, request } = entry.pricing;
	const cost = promptTokens * Number( prompt ) + completionTokens * Number( completion ) + Number( request );
	return Math.round( cost * 1e12 ) / 1e12; // drop float noise such as 0.00003500000000000001
}

/** `GET /api/v1/models` and OpenAI-style `GET /v1/models`. */
export function openRouterCatalogue(): { object: 'list'; data: unknown[] } {
	return {
		object: 'list',
		data: CATALOGUE.map( ( entry ) => ( {
			...entry,
			object: 'model',
			owned_by: entry.id.split( '/' )[ 0 ],
			created: CREATED,
			canonical_slug: entry.id,
			description: `${ entry.name } (mock catalogue entry).`,
			architecture: {
				...entry.architecture,
				modality: `${ entry.architecture.input_modalities.join( '+' ) }->${ entry.architecture.output_modalities.join( '+' ) }`,
				tokenizer: 'Other',
				instruct_type: null,
			},
			top_provider: { context_length: entry.context_length, max_completion_tokens: 16_384, is_moderated: false },
			per_request_limits: null,
			supported_parameters: [ 'max_tokens', 'temperature', 'top_p', 'stop', 'stream', 'response_format' ],
		} ) ),
	};
}

/** Anthropic's `GET /v1/models` (sent with an `anthropic-version` header). */
export function anthropicCatalogue(): unknown {
	const data = [
		{ id: 'claude-sonnet-4-5-20250929', display_name: 'Claude Sonnet 4.5' },
		{ id: 'claude-haiku-4-5-20251001', display_name: 'Claude Haiku 4.5' },
		{ id: 'claude-opus-4-1-20250805', display_name: 'Claude Opus 4.1' },
	].map( ( entry ) => ( { type: 'model', ...entry, created_at: '2025-01-01T00:00:00Z' } ) );
	return { data, has_more: false, first_id: data[ 0 ]!.id, last_id: data[ data.length - 1 ]!.id };
}
