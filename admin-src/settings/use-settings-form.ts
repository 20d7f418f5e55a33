/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../shared/api-client';
import type {
	ProviderDescriptor,
	ProvidersOverview,
	Settings,
} from '../shared/provider-settings';
import {
	fetchProviders,
	fetchSettings,
	saveSettings,
} from '../shared/settings-api';
import { fieldErrorFrom, type FieldError } from './field-errors';
import { forgetModelLists } from './model-lists';
import { formFromSettings, type SettingsForm } from './settings-form';
import { buildPatch } from './settings-patch';

export type SaveNotice = { status: 'success' | 'error' | 'info'; text: string };

export type SettingsFormState = {
	loadError: string | null;
	saved: Settings | null;
	form: SettingsForm | null;
	/** Provider types as the server described them when the page loaded. */
	types: ProviderDescriptor[];
	overview: ProvidersOverview | null;
	/** What a save would send: empty when nothing changed. */
	patch: Record< string, unknown >;
	saving: boolean;
	notice: SaveNotice | null;
	fieldError: FieldError | null;
	setForm: ( update: ( form: SettingsForm ) => SettingsForm ) => void;
	save: () => Promise< void >;
	refreshProviders: () => void;
	dismissNotice: () => void;
};

/**
 * Loads the settings and the provider types, keeps the form, saves what changed.
 */
export function useSettingsForm(): SettingsFormState {
	const [ saved, setSaved ] = useState< Settings | null >( null );
	const [ form, setFormState ] = useState< SettingsForm | null >( null );
	const [ types, setTypes ] = useState< ProviderDescriptor[] >( [] );
	const [ overview, setOverview ] = useState< ProvidersOverview | null >(
		null
	);
	const [ loadError, setLoadError ] = useState< string | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ notice, setNotice ] = useState< SaveNotice | null >( null );
	const [ fieldError, setFieldError ] = useState< FieldError | null >( null );

	const refreshProviders = useCallback( () => {
		fetchProviders().then( setOverview, ( error: unknown ) =>
			setNotice( { status: 'error', text: errorMessage( error ) } )
		);
	}, [] );

	useEffect( () => {
		let active = true;
		// The form is built from both: the settings hold the values, the types say which fields exist.
		Promise.all( [ fetchSettings(), fetchProviders() ] ).then(
			( [ settings, providers ] ) => {
				if ( active ) {
					setSaved( settings );
					setTypes( providers.types );
					setOverview( providers );
					setFormState(
						formFromSettings( settings, providers.types )
					);
				}
			},
			( error: unknown ) =>
				active && setLoadError( errorMessage( error ) )
		);
		return () => {
			active = false;
		};
	}, [] );

	const setForm = useCallback(
		( update: ( f: SettingsForm ) => SettingsForm ) =>
			setFormState( ( f ) => ( f ? update( f ) : f ) ),
		[]
	);

	const patch = useMemo(
		() => ( saved && form ? buildPatch( saved, form, types ) : {} ),
		[ saved, form, types ]
	);

	const save = useCallback( async () => {
		if ( ! saved || ! form ) {
			return;
		}
		if ( Object.keys( patch ).length === 0 ) {
			setNotice( {
				status: 'info',
				text: __( 'Nothing changed to save.', 'agentic-writer' ),
			} );
			return;
		}
		setSaving( true );
		setNotice( null );
		setFieldError( null );
		try {
			const next = await saveSettings( patch );
			setSaved( next );
			setFormState( formFromSettings( next, types ) );
			// Model lists are read with the saved settings: a new address or key may change them.
			forgetModelLists();
			setNotice( {
				status: 'success',
				text: __( 'Settings saved.', 'agentic-writer' ),
			} );
			refreshProviders();
		} catch ( error: unknown ) {
			setFieldError( fieldErrorFrom( error ) );
			setNotice( { status: 'error', text: errorMessage( error ) } );
		} finally {
			setSaving( false );
		}
	}, [ saved, form, patch, types, refreshProviders ] );

	return {
		loadError,
		saved,
		form,
		types,
		overview,
		patch,
		saving,
		notice,
		fieldError,
		setForm,
		save,
		refreshProviders,
		dismissNotice: () => setNotice( null ),
	};
}
