/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	Notice,
	TextControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ProviderStatus,
	SingleProviderSettings,
} from '../../../shared/provider-settings';
import { invalidProps, type FieldError } from '../../field-errors';
import {
	keyWillBeCleared,
	type KeyEdit,
	type SingleProviderForm,
} from '../../settings-form';
import ApiKeyField from '../ApiKeyField';
import ConnectionTest from '../ConnectionTest';

type Props = {
	id: string;
	title: string;
	/** Where a field's errors are reported, e.g. `providers.openrouter`. */
	path: string;
	saved: Pick<
		SingleProviderSettings,
		'base_url' | 'api_key_set' | 'api_key_hint' | 'api_key_error'
	>;
	form: Omit< SingleProviderForm, 'key' > & { key: KeyEdit };
	onChange: ( next: Partial< SingleProviderForm > ) => void;
	fieldError: FieldError | null;
	status: ProviderStatus | undefined;
	dirty: boolean;
	onTested: () => void;
	children?: ReactNode;
	/** Fields before the key, e.g. an instance's id and label. */
	header?: ReactNode;
	actions?: ReactNode;
};

/**
 * One provider: its fields, key, health and connection test, as a named region.
 *
 * @param props Props.
 */
export default function ProviderCard( props: Props ) {
	const { id, title, path, saved, form, onChange, fieldError } = props;
	const headingId = `agentic-writer-provider-${ id.replace( ':', '-' ) }`;
	const text = (
		field: 'base_url' | 'model' | 'image_model',
		label: string
	) => (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			value={ form[ field ] ?? '' }
			onChange={ ( value ) => onChange( { [ field ]: value } ) }
			{ ...invalidProps( fieldError, `${ path }.${ field }` ) }
		/>
	);

	return (
		<section aria-labelledby={ headingId }>
			<Card className="agentic-writer-card">
				<CardHeader>
					<h2 id={ headingId }>{ title }</h2>
					{ props.actions }
				</CardHeader>
				<CardBody>
					{ props.children }
					{ props.header }
					<ApiKeyField
						isSet={ saved.api_key_set }
						hint={ saved.api_key_hint }
						keyError={ saved.api_key_error }
						edit={ form.key }
						onChange={ ( key ) => onChange( { key } ) }
						invalid={ invalidProps(
							fieldError,
							`${ path }.api_key`
						) }
					/>
					{ text( 'base_url', __( 'Base URL', 'agentic-writer' ) ) }
					{ keyWillBeCleared( saved, form ) && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'Changing the address clears the saved key: enter the key for the new address.',
								'agentic-writer'
							) }
						</Notice>
					) }
					{ text( 'model', __( 'Model', 'agentic-writer' ) ) }
					{ form.image_model !== undefined &&
						text(
							'image_model',
							__( 'Image model', 'agentic-writer' )
						) }
					<ConnectionTest
						providerId={ id }
						status={ props.status }
						dirty={ props.dirty }
						onTested={ props.onTested }
					/>
				</CardBody>
			</Card>
		</section>
	);
}
