/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	InstanceSettings,
	ProvidersOverview,
} from '../../../shared/provider-settings';
import { invalidProps, type FieldError } from '../../field-errors';
import type { InstanceForm } from '../../settings-form';
import ProviderCard from '../ProviderCard';

type Props = {
	instances: InstanceForm[];
	saved: InstanceSettings[];
	overview: ProvidersOverview | null;
	onChange: ( instances: InstanceForm[] ) => void;
	fieldError: FieldError | null;
	dirty: boolean;
	onTested: () => void;
};

/**
 * A free id for a new endpoint.
 *
 * @param instances Current list.
 */
function freeId( instances: InstanceForm[] ): string {
	let n = instances.length + 1;
	while ( instances.some( ( i ) => i.id === `endpoint-${ n }` ) ) {
		n++;
	}
	return `endpoint-${ n }`;
}

/**
 * OpenAI-compatible endpoints (LM Studio, Ollama, vLLM, OpenAI…): add, edit, remove.
 *
 * @param props Props.
 */
export default function CompatibleInstances( props: Props ) {
	const { instances, saved, overview, onChange, fieldError } = props;
	const update = ( n: number, next: Partial< InstanceForm > ) =>
		onChange(
			instances.map( ( i, k ) => ( k === n ? { ...i, ...next } : i ) )
		);

	return (
		<>
			<h2>{ __( 'OpenAI-compatible endpoints', 'agentic-writer' ) }</h2>
			<p>
				{ __(
					'Any Chat Completions endpoint: OpenAI, LM Studio, Ollama, vLLM, llama.cpp. Route to one as openai_compatible:<id>.',
					'agentic-writer'
				) }
			</p>
			{ instances.map( ( instance, n ) => {
				const stored = saved.find( ( s ) => s.id === instance.id );
				const path = `providers.openai_compatible.${ n }`;
				const providerId = `openai_compatible:${ instance.id }`;
				const title = sprintf(
					/* translators: %s: endpoint label or id. */
					__( 'OpenAI-compatible: %s', 'agentic-writer' ),
					instance.label || instance.id
				);
				return (
					<ProviderCard
						key={ n }
						id={ providerId }
						title={ title }
						path={ path }
						saved={
							stored ?? {
								base_url: '',
								api_key_set: false,
								api_key_hint: '',
							}
						}
						form={ instance }
						onChange={ ( next ) => update( n, next ) }
						fieldError={ fieldError }
						status={ overview?.providers.find(
							( p ) => p.id === providerId
						) }
						dirty={ props.dirty || ! stored }
						onTested={ props.onTested }
						actions={
							<Button
								variant="tertiary"
								isDestructive
								onClick={ () =>
									onChange(
										instances.filter( ( _, k ) => k !== n )
									)
								}
							>
								{ sprintf(
									/* translators: %s: endpoint label or id. */
									__( 'Remove %s', 'agentic-writer' ),
									instance.label || instance.id
								) }
							</Button>
						}
						header={
							<>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ __(
										'Id (lowercase letters, digits, - and _)',
										'agentic-writer'
									) }
									value={ instance.id }
									onChange={ ( id ) => update( n, { id } ) }
									{ ...invalidProps(
										fieldError,
										`${ path }.id`
									) }
								/>
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ __( 'Label', 'agentic-writer' ) }
									value={ instance.label }
									onChange={ ( label ) =>
										update( n, { label } )
									}
									{ ...invalidProps(
										fieldError,
										`${ path }.label`
									) }
								/>
							</>
						}
					/>
				);
			} ) }
			<Button
				variant="secondary"
				disabled={ instances.length >= 20 }
				onClick={ () =>
					onChange( [
						...instances,
						{
							id: freeId( instances ),
							label: '',
							base_url: 'http://127.0.0.1:1234/v1',
							model: '',
							key: { value: '', remove: false },
						},
					] )
				}
			>
				{ __( 'Add an OpenAI-compatible endpoint', 'agentic-writer' ) }
			</Button>
		</>
	);
}
