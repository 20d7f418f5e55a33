/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useInstanceId } from '@wordpress/compose';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../../shared/api-client';
import type { ModelList } from '../../../shared/provider-settings';
import { loadModelList } from '../../model-lists';

type ListState =
	| { state: 'idle' }
	| { state: 'loading' }
	| { state: 'ready'; models: ModelList[ 'models' ] }
	| { state: 'error'; message: string };

type Props = {
	label: string;
	value: string;
	onChange: ( value: string ) => void;
	/** Provider whose saved settings list the models; null when it cannot list them (yet). */
	providerId: string | null;
	/** Why there is no list, when providerId is null and that needs saying. */
	unlistedNote?: string;
	help?: string;
	placeholder?: string;
	invalid?: { 'aria-invalid'?: true; help?: string };
};

/**
 * A model name: free text, with the provider's own models offered as the owner types
 * (a datalist filled the first time the field gets focus).
 *
 * @param props Props.
 */
export default function ModelField( props: Props ) {
	const { label, value, onChange, providerId, invalid = {} } = props;
	const listId = `agentic-writer-models-${ useInstanceId( ModelField ) }`;
	const [ list, setList ] = useState< ListState >( { state: 'idle' } );
	const mounted = useRef( true );
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[]
	);
	// Another provider (an instance renamed): its list is another one.
	useEffect( () => setList( { state: 'idle' } ), [ providerId ] );

	const load = ( refresh = false ) => {
		if (
			! providerId ||
			list.state === 'loading' ||
			( list.state === 'ready' && ! refresh )
		) {
			return;
		}
		setList( { state: 'loading' } );
		loadModelList( providerId, refresh ).then(
			( answer ) =>
				mounted.current &&
				setList( { state: 'ready', models: answer.models } ),
			( error: unknown ) =>
				mounted.current &&
				setList( { state: 'error', message: errorMessage( error ) } )
		);
	};

	let note = props.help ?? '';
	if ( ! providerId && props.unlistedNote ) {
		note = props.unlistedNote;
	} else if ( list.state === 'loading' ) {
		note = __( 'Loading this provider’s models…', 'agentic-writer' );
	} else if ( list.state === 'ready' ) {
		note = sprintf(
			/* translators: %d: number of models. */
			_n(
				'%d model offered: type to search, or enter any model name.',
				'%d models offered: type to search, or enter any model name.',
				list.models.length,
				'agentic-writer'
			),
			list.models.length
		);
	} else if ( list.state === 'error' ) {
		note = sprintf(
			/* translators: %s: why the list could not be read, and what to do (from the server). */
			__( 'No model list: %s', 'agentic-writer' ),
			list.message
		);
	}

	return (
		<div className="agentic-writer-model">
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ label }
				value={ value }
				onChange={ onChange }
				onFocus={ () => load() }
				autoComplete="off"
				spellCheck={ false }
				placeholder={ props.placeholder || undefined }
				list={ providerId ? listId : undefined }
				{ ...invalid }
				help={ invalid.help ?? ( note || undefined ) }
			/>
			{ ( list.state === 'ready' || list.state === 'error' ) && (
				<Button
					variant="link"
					onClick={ () => load( true ) }
					aria-label={ sprintf(
						/* translators: %s: field label, e.g. Model. */
						__(
							'Ask the provider again for the %s list',
							'agentic-writer'
						),
						label.toLowerCase()
					) }
				>
					{ __( 'Ask again', 'agentic-writer' ) }
				</Button>
			) }
			{ providerId && (
				<datalist id={ listId }>
					{ list.state === 'ready' &&
						list.models.map( ( model ) => (
							<option key={ model.id } value={ model.id }>
								{ model.name && model.name !== model.id
									? model.name
									: null }
							</option>
						) ) }
				</datalist>
			) }
		</div>
	);
}
