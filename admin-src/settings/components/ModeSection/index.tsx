/**
 * WordPress dependencies
 */
import { RadioControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ProviderDescriptor,
	ProviderMode,
} from '../../../shared/provider-settings';
import SettingsCard from '../SettingsCard';

type Props = {
	mode: ProviderMode;
	/** Provider types, to name examples of each kind. */
	types: ProviderDescriptor[];
	onChange: ( mode: ProviderMode ) => void;
};

/**
 * Which kinds of provider may serve requests.
 *
 * @param props          Props.
 * @param props.mode     Current mode.
 * @param props.types    Provider types.
 * @param props.onChange Called with the new mode.
 */
export default function ModeSection( { mode, types, onChange }: Props ) {
	const names = ( kind: ProviderDescriptor[ 'kind' ] ) =>
		types
			.filter( ( t ) => t.kind === kind )
			.map( ( t ) => t.label )
			.join( ', ' ) || '—';
	return (
		<SettingsCard id="mode" title={ __( 'Mode', 'agentic-writer' ) }>
			<RadioControl
				label={ __( 'Provider mode', 'agentic-writer' ) }
				selected={ mode }
				onChange={ ( value ) => onChange( value as ProviderMode ) }
				options={ [
					{
						value: 'cloud',
						label: sprintf(
							/* translators: %s: comma-separated provider names. */
							__(
								'Cloud: only cloud providers (%s).',
								'agentic-writer'
							),
							names( 'cloud' )
						),
					},
					{
						value: 'local',
						label: sprintf(
							/* translators: %s: comma-separated provider names. */
							__(
								'Local: only providers on your machines (%s).',
								'agentic-writer'
							),
							names( 'local' )
						),
					},
					{
						value: 'hybrid',
						label: __(
							'Hybrid: both, in the order routing gives; the next one takes over when one fails.',
							'agentic-writer'
						),
					},
				] }
			/>
		</SettingsCard>
	);
}
