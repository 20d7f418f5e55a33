/**
 * WordPress dependencies
 */
import { Button, Notice, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { KeyEdit } from '../../settings-form';

type Props = {
	/** The secret's label from its descriptor, e.g. "API key". */
	label?: string;
	/** What to paste and where it comes from. */
	help?: string;
	placeholder?: string;
	/** Whether a key is stored, its hint (`…abcd`) and why it cannot be used, from GET settings. */
	isSet: boolean;
	hint: string;
	keyError?: string;
	edit: KeyEdit;
	onChange: ( edit: KeyEdit ) => void;
	invalid?: { 'aria-invalid'?: true; help?: string };
};

/**
 * A write-only key: the stored key is never shown, only its hint; typing replaces it.
 *
 * @param props             Props.
 * @param props.label
 * @param props.help
 * @param props.placeholder
 * @param props.isSet
 * @param props.hint
 * @param props.keyError
 * @param props.edit
 * @param props.onChange
 * @param props.invalid
 */
export default function ApiKeyField( {
	label = __( 'API key', 'agentic-writer' ),
	help,
	placeholder,
	isSet,
	hint,
	keyError,
	edit,
	onChange,
	invalid = {},
}: Props ) {
	const [ replacing, setReplacing ] = useState( false );
	// A key typed before the owner left the tab is still there when they come back.
	const showInput = replacing || edit.value !== '';
	// A save answers with the new hint: the replacement is done.
	useEffect( () => setReplacing( false ), [ isSet, hint ] );

	const input = (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			type="password"
			autoComplete="new-password"
			label={
				isSet
					? sprintf(
							/* translators: %s: the secret's name, e.g. API key. */
							__( 'New %s', 'agentic-writer' ),
							label
						)
					: label
			}
			value={ edit.value }
			onChange={ ( value ) => onChange( { value, remove: false } ) }
			placeholder={ placeholder || undefined }
			{ ...invalid }
			help={ invalid.help ?? ( help || undefined ) }
		/>
	);

	return (
		<div className="agentic-writer-key">
			{ keyError && (
				<Notice status="error" isDismissible={ false }>
					{ keyError }
				</Notice>
			) }
			{ ! isSet && input }
			{ isSet && edit.remove && (
				<p>
					{ __(
						'The key will be removed when you save.',
						'agentic-writer'
					) }{ ' ' }
					<Button
						variant="link"
						onClick={ () =>
							onChange( { value: '', remove: false } )
						}
					>
						{ __( 'Keep the key', 'agentic-writer' ) }
					</Button>
				</p>
			) }
			{ isSet && ! edit.remove && (
				<>
					<p>
						{ sprintf(
							/* translators: %s: last characters of the stored key, e.g. …abcd. */
							__( 'Key saved (%s)', 'agentic-writer' ),
							hint || '…'
						) }
					</p>
					{ showInput ? (
						<>
							{ input }
							<Button
								variant="tertiary"
								onClick={ () => {
									setReplacing( false );
									onChange( { value: '', remove: false } );
								} }
							>
								{ __( 'Cancel', 'agentic-writer' ) }
							</Button>
						</>
					) : (
						<div className="agentic-writer-key__actions">
							<Button
								variant="secondary"
								onClick={ () => setReplacing( true ) }
							>
								{ __( 'Replace key', 'agentic-writer' ) }
							</Button>
							<Button
								variant="tertiary"
								isDestructive
								onClick={ () =>
									onChange( { value: '', remove: true } )
								}
							>
								{ __( 'Remove key', 'agentic-writer' ) }
							</Button>
						</div>
					) }
				</>
			) }
		</div>
	);
}
