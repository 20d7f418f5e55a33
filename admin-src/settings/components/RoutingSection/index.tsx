/**
 * WordPress dependencies
 */
import { Button, RadioControl, SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	TASKS,
	type ProvidersOverview,
	type Task,
} from '../../../shared/provider-settings';
import { invalidProps, type FieldError } from '../../field-errors';
import type { SettingsForm } from '../../settings-form';
import SettingsCard from '../SettingsCard';

type Routing = SettingsForm[ 'routing' ];

type Props = {
	routing: Routing;
	overview: ProvidersOverview | null;
	onChange: ( routing: Routing ) => void;
	fieldError: FieldError | null;
};

/**
 * Configured providers as select options, plus the current value so a saved choice shows.
 *
 * @param overview GET providers.
 * @param current  Value the select holds.
 */
function options( overview: ProvidersOverview | null, current: string ) {
	const list = ( overview?.providers ?? [] )
		.filter( ( p ) => p.configured || p.id === current )
		.map( ( p ) => ( {
			value: p.id,
			label: p.configured
				? `${ p.label } (${ p.id })`
				: sprintf(
						/* translators: %s: provider id. */
						__( '%s — not configured', 'agentic-writer' ),
						p.id
					),
		} ) );
	if ( current !== '' && ! list.some( ( o ) => o.value === current ) ) {
		list.push( { value: current, label: current } );
	}
	return [
		{ value: '', label: __( '— Choose —', 'agentic-writer' ) },
		...list,
	];
}

/**
 * Which provider serves each task: one text and one image provider, or a chain per task.
 *
 * @param props            Props.
 * @param props.routing
 * @param props.overview
 * @param props.onChange
 * @param props.fieldError
 */
export default function RoutingSection( {
	routing,
	overview,
	onChange,
	fieldError,
}: Props ) {
	const setChain = ( task: Task, chain: string[] ) =>
		onChange( {
			...routing,
			matrix: { ...routing.matrix, [ task ]: chain },
		} );

	return (
		<SettingsCard id="routing" title={ __( 'Routing', 'agentic-writer' ) }>
			<RadioControl
				label={ __( 'Routing mode', 'agentic-writer' ) }
				selected={ routing.mode }
				onChange={ ( mode ) =>
					onChange( {
						...routing,
						mode: mode as Routing[ 'mode' ],
					} )
				}
				options={ [
					{
						value: 'simple',
						label: __(
							'Simple: one provider for text, one for images.',
							'agentic-writer'
						),
					},
					{
						value: 'advanced',
						label: __(
							'Advanced: an ordered chain per task; the next provider takes over when one fails.',
							'agentic-writer'
						),
					},
				] }
			/>
			{ routing.mode === 'simple' &&
				( [ 'text', 'image' ] as const ).map( ( slot ) => (
					<SelectControl
						key={ slot }
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={
							slot === 'text'
								? __( 'Text provider', 'agentic-writer' )
								: __( 'Image provider', 'agentic-writer' )
						}
						value={ routing.simple[ slot ] }
						options={ options( overview, routing.simple[ slot ] ) }
						onChange={ ( value ) =>
							onChange( {
								...routing,
								simple: {
									...routing.simple,
									[ slot ]: value,
								},
							} )
						}
						{ ...invalidProps(
							fieldError,
							`routing.simple.${ slot }`
						) }
					/>
				) ) }
			{ routing.mode === 'advanced' &&
				TASKS.map( ( task ) => {
					const chain = routing.matrix[ task ];
					const invalid = invalidProps(
						fieldError,
						`routing.matrix.${ task }`
					);
					return (
						<fieldset key={ task } className="agentic-writer-chain">
							<legend>{ task }</legend>
							{ chain.length === 0 && (
								<p>
									{ __(
										'No chain: the simple routing choice serves this task.',
										'agentic-writer'
									) }
								</p>
							) }
							{ chain.map( ( id, n ) => (
								<div
									key={ n }
									className="agentic-writer-chain__row"
								>
									<SelectControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ sprintf(
											/* translators: 1: task, 2: position in the chain. */
											__(
												'%1$s provider %2$d',
												'agentic-writer'
											),
											task,
											n + 1
										) }
										value={ id }
										options={ options( overview, id ) }
										onChange={ ( value ) =>
											setChain(
												task,
												chain.map( ( v, i ) =>
													i === n ? value : v
												)
											)
										}
										{ ...invalid }
									/>
									<Button
										variant="tertiary"
										label={ sprintf(
											/* translators: 1: task, 2: position in the chain. */
											__(
												'Remove %1$s provider %2$d',
												'agentic-writer'
											),
											task,
											n + 1
										) }
										onClick={ () =>
											setChain(
												task,
												chain.filter(
													( _, i ) => i !== n
												)
											)
										}
									>
										{ __( 'Remove', 'agentic-writer' ) }
									</Button>
								</div>
							) ) }
							<Button
								variant="secondary"
								disabled={ chain.length >= 8 }
								onClick={ () =>
									setChain( task, [ ...chain, '' ] )
								}
							>
								{ sprintf(
									/* translators: %s: task. */
									__(
										'Add a provider to %s',
										'agentic-writer'
									),
									task
								) }
							</Button>
						</fieldset>
					);
				} ) }
			{ overview && (
				<>
					<h3>
						{ __(
							'What each task uses now (saved settings)',
							'agentic-writer'
						) }
					</h3>
					<ul>
						{ TASKS.map( ( task ) => {
							const resolved = overview.routing[ task ];
							return (
								<li key={ task }>
									{ `${ task }: ` }
									{ ( resolved?.error ??
										resolved?.chain.join( ' → ' ) ) ||
										'—' }
								</li>
							);
						} ) }
					</ul>
				</>
			) }
		</SettingsCard>
	);
}
