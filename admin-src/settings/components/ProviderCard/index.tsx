/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Notice, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ProviderDescriptor,
	ProviderField,
	ProviderStatus,
	StoredProvider,
} from '../../../shared/provider-settings';
import { invalidProps, type FieldError } from '../../field-errors';
import {
	noKeyEdit,
	secretState,
	storedValue,
	type ProviderForm,
} from '../../settings-form';
import { keyWillBeCleared } from '../../settings-patch';
import ApiKeyField from '../ApiKeyField';
import ConnectionTest from '../ConnectionTest';
import ModelField from '../ModelField';
import SettingsCard from '../SettingsCard';

type Props = {
	descriptor: ProviderDescriptor;
	/** Routing id: the type, or `<type>:<instance id>`. */
	providerId: string;
	title: string;
	/** Where a field's errors are reported, e.g. `providers.openrouter`. */
	path: string;
	/** Stored settings; undefined for an instance not saved yet. */
	stored: StoredProvider | undefined;
	form: ProviderForm;
	onChange: ( form: ProviderForm ) => void;
	fieldError: FieldError | null;
	status: ProviderStatus | undefined;
	/** Unsaved edits: the connection test and the model list use what is saved. */
	dirty: boolean;
	onTested: () => void;
	headingLevel?: 2 | 3;
	/** Shown before the fields, e.g. what the provider is. */
	children?: ReactNode;
	actions?: ReactNode;
};

/**
 * Whether saving this form drops the stored secret: its address moved to another origin.
 *
 * @param descriptor Provider type.
 * @param stored     Stored settings.
 * @param form       The form.
 */
function secretWillBeCleared(
	descriptor: ProviderDescriptor,
	stored: StoredProvider | undefined,
	form: ProviderForm
): boolean {
	const url = descriptor.fields.find( ( f ) => f.type === 'url' );
	const secret = descriptor.fields.find( ( f ) => f.type === 'secret' );
	if ( ! stored || ! url || ! secret ) {
		return false;
	}
	return keyWillBeCleared(
		{
			base_url: storedValue( stored, url ),
			api_key_set: secretState( stored, secret.name ).isSet,
		},
		{
			base_url: form.values[ url.name ] ?? '',
			key: form.secrets[ secret.name ] ?? noKeyEdit(),
		}
	);
}

/**
 * One provider: the fields its descriptor lists, its secrets write-only, its health and
 * connection test, as a named region.
 *
 * @param props Props.
 */
export default function ProviderCard( props: Props ) {
	const { descriptor, providerId, path, stored, form, onChange } = props;
	const { fieldError } = props;
	const setValue = ( name: string, value: string ) =>
		onChange( { ...form, values: { ...form.values, [ name ]: value } } );
	const clearing = secretWillBeCleared( descriptor, stored, form );
	const firstUrl = descriptor.fields.find( ( f ) => f.type === 'url' );

	const control = ( field: ProviderField ) => {
		const invalid = invalidProps( fieldError, `${ path }.${ field.name }` );
		if ( field.type === 'secret' ) {
			const secret = secretState( stored, field.name );
			return (
				<ApiKeyField
					label={ field.label }
					help={ field.help }
					placeholder={ field.placeholder }
					isSet={ secret.isSet }
					hint={ secret.hint }
					keyError={ secret.error }
					edit={ form.secrets[ field.name ] ?? noKeyEdit() }
					onChange={ ( edit ) =>
						onChange( {
							...form,
							secrets: { ...form.secrets, [ field.name ]: edit },
						} )
					}
					invalid={ invalid }
				/>
			);
		}
		const value = form.values[ field.name ] ?? '';
		if ( field.type === 'model' ) {
			const listable = descriptor.capabilities.models && !! stored;
			return (
				<ModelField
					label={ field.label }
					value={ value }
					onChange={ ( next ) => setValue( field.name, next ) }
					providerId={ listable ? providerId : null }
					unlistedNote={
						descriptor.capabilities.models
							? __(
									'Save first to choose from this provider’s models.',
									'agentic-writer'
								)
							: undefined
					}
					help={ field.help }
					placeholder={ field.placeholder }
					invalid={ invalid }
				/>
			);
		}
		return (
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ field.label }
				value={ value }
				onChange={ ( next ) => setValue( field.name, next ) }
				autoComplete="off"
				spellCheck={ field.type === 'text' }
				placeholder={ field.placeholder || undefined }
				help={ field.help || undefined }
				{ ...invalid }
			/>
		);
	};

	return (
		<SettingsCard
			id={ `provider-${ providerId }` }
			title={ props.title }
			level={ props.headingLevel }
			actions={ props.actions }
		>
			{ props.children }
			{ descriptor.fields.length === 0 && (
				<p>
					{ __(
						'Nothing to set up: this provider needs no settings.',
						'agentic-writer'
					) }
				</p>
			) }
			{ descriptor.fields.map( ( field ) => (
				<div key={ field.name } className="agentic-writer-field">
					{ control( field ) }
					{ field === firstUrl && clearing && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'Changing the address clears the saved key: enter the key for the new address.',
								'agentic-writer'
							) }
						</Notice>
					) }
				</div>
			) ) }
			<ConnectionTest
				providerId={ providerId }
				status={ props.status }
				dirty={ props.dirty }
				onTested={ props.onTested }
			/>
		</SettingsCard>
	);
}
