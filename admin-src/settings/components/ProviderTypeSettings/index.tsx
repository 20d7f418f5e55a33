/**
 * Internal dependencies
 */
import type { ProviderDescriptor } from '../../../shared/provider-settings';
import type { ProviderForm } from '../../settings-form';
import { storedList, storedSingle } from '../../settings-form';
import type { SettingsFormState } from '../../use-settings-form';
import ProviderAbout from '../ProviderAbout';
import ProviderCard from '../ProviderCard';
import ProviderInstances from '../ProviderInstances';

type Props = {
	state: SettingsFormState;
	descriptor: ProviderDescriptor;
	children?: JSX.Element;
};

/**
 * One provider type as the descriptor says: a card, or a list of instance cards.
 *
 * @param props            Props.
 * @param props.state      The settings form.
 * @param props.descriptor Provider type.
 * @param props.children   Shown in a single type's card before its fields.
 */
export default function ProviderTypeSettings( {
	state,
	descriptor,
	children,
}: Props ) {
	const { saved, form, overview, setForm, fieldError, patch } = state;
	if ( ! saved || ! form ) {
		return null;
	}
	const { type } = descriptor;
	const changed = ( patch.providers ?? {} ) as Record< string, unknown >;

	if ( descriptor.multiple ) {
		return (
			<ProviderInstances
				descriptor={ descriptor }
				instances={ form.instances[ type ] ?? [] }
				stored={ storedList( saved, type ) }
				overview={ overview }
				fieldError={ fieldError }
				dirty={ type in changed }
				onTested={ state.refreshProviders }
				onChange={ ( list: ProviderForm[] ) =>
					setForm( ( f ) => ( {
						...f,
						instances: { ...f.instances, [ type ]: list },
					} ) )
				}
			/>
		);
	}
	const single = form.providers[ type ];
	if ( ! single ) {
		return null;
	}
	return (
		<ProviderCard
			descriptor={ descriptor }
			providerId={ type }
			title={ descriptor.label }
			path={ `providers.${ type }` }
			stored={ storedSingle( saved, type ) }
			form={ single }
			onChange={ ( next ) =>
				setForm( ( f ) => ( {
					...f,
					providers: { ...f.providers, [ type ]: next },
				} ) )
			}
			fieldError={ fieldError }
			status={ overview?.providers.find( ( p ) => p.id === type ) }
			dirty={ type in changed }
			onTested={ state.refreshProviders }
		>
			<ProviderAbout descriptor={ descriptor } />
			{ children }
		</ProviderCard>
	);
}
