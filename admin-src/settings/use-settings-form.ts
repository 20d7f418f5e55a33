/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../shared/api-client';
import type { ProvidersOverview, Settings } from '../shared/provider-settings';
import {
	fetchProviders,
	fetchSettings,
	saveSettings,
} from '../shared/settings-api';
import { fieldErrorFrom, type FieldError } from './field-errors';
import {
	buildPatch,
	formFromSettings,
	type SettingsForm,
} from './settings-form';

export type SaveNotice = { status: 'success' | 'error' | 'info'; text: string };

export type SettingsFormState = {
	loadError: string | null;
	saved: Settings | null;
	form: SettingsForm | null;
	overview: ProvidersOverview | null;
	saving: boolean;
	notice: SaveNotice | null;
	fieldError: FieldError | null;
	setForm: ( update: ( form: SettingsForm ) => SettingsForm ) => void;
	save: () => Promise< void >;
	refreshProviders: () => void;
	dismissNotice: () => void;
};

/**
 * Loads the settings and providers, keeps the form, saves what changed.
 */
export function useSettingsForm(): SettingsFormState {
	const [ saved, setSaved ] = useState< Settings | null >( null );
	const [ form, setFormState ] = useState< SettingsForm | null >( null );
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
		fetchSettings().then(
			( settings ) => {
				if ( active ) {
					setSaved( settings );
					setFormState( formFromSettings( settings ) );
				}
			},
			( error: unknown ) =>
				active && setLoadError( errorMessage( error ) )
		);
		refreshProviders();
		return () => {
			active = false;
		};
	}, [ refreshProviders ] );

	const setForm = useCallback(
		( update: ( f: SettingsForm ) => SettingsForm ) =>
			setFormState( ( f ) => ( f ? update( f ) : f ) ),
		[]
	);

	const save = useCallback( async () => {
		if ( ! saved || ! form ) {
			return;
		}
		const patch = buildPatch( saved, form );
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
			setFormState( formFromSettings( next ) );
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
	}, [ saved, form, refreshProviders ] );

	return {
		loadError,
		saved,
		form,
		overview,
		saving,
		notice,
		fieldError,
		setForm,
		save,
		refreshProviders,
		dismissNotice: () => setNotice( null ),
	};
}
