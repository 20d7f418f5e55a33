/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ProviderDescriptor,
	ProvidersOverview,
	StoredProvider,
} from '../../../shared/provider-settings';
import type { FieldError } from '../../field-errors';
import {
	idFieldOf,
	instanceProviderId,
	newInstance,
	type ProviderForm,
} from '../../settings-form';
import ProviderAbout from '../ProviderAbout';
import ProviderCard from '../ProviderCard';
import SettingsCard from '../SettingsCard';

type Props = {
	descriptor: ProviderDescriptor;
	instances: ProviderForm[];
	stored: StoredProvider[];
	overview: ProvidersOverview | null;
	onChange: ( instances: ProviderForm[] ) => void;
	fieldError: FieldError | null;
	/** The list differs from the saved one. */
	dirty: boolean;
	onTested: () => void;
};

// As many as Settings keeps of one type.
const MAX_INSTANCES = 20;

/**
 * A provider type with several instances (e.g. OpenAI-compatible endpoints): add, edit, remove.
 *
 * @param props Props.
 */
export default function ProviderInstances( props: Props ) {
	const { descriptor, instances, stored, overview, onChange } = props;
	const idField = idFieldOf( descriptor );
	const update = ( n: number, next: ProviderForm ) =>
		onChange( instances.map( ( i, k ) => ( k === n ? next : i ) ) );

	return (
		<div className="agentic-writer-instances">
			<SettingsCard
				id={ `type-${ descriptor.type }` }
				title={ descriptor.label }
			>
				<ProviderAbout descriptor={ descriptor } />
				<p>
					{ sprintf(
						/* translators: %s: provider type, e.g. openai_compatible. */
						__(
							'Add one for each server; route to one as %s:<id>.',
							'agentic-writer'
						),
						descriptor.type
					) }
				</p>
				{ instances.length === 0 && (
					<p>{ __( 'None yet.', 'agentic-writer' ) }</p>
				) }
			</SettingsCard>
			{ instances.map( ( instance, n ) => {
				const id = ( instance.values[ idField ] ?? '' ).trim();
				const saved = stored.find( ( s ) => s[ idField ] === id );
				const name = instance.values.label || id;
				const providerId = instanceProviderId( descriptor, instance );
				return (
					<ProviderCard
						key={ n }
						descriptor={ descriptor }
						providerId={ providerId }
						title={ sprintf(
							/* translators: 1: instance name or id, 2: its routing id, e.g. openai_compatible:lmstudio. */
							__( '%1$s (%2$s)', 'agentic-writer' ),
							name,
							providerId
						) }
						headingLevel={ 3 }
						path={ `providers.${ descriptor.type }.${ n }` }
						stored={ saved }
						form={ instance }
						onChange={ ( next ) => update( n, next ) }
						fieldError={ props.fieldError }
						status={ overview?.providers.find(
							( p ) => p.id === providerId
						) }
						dirty={ props.dirty || ! saved }
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
									/* translators: %s: instance label or id. */
									__( 'Remove %s', 'agentic-writer' ),
									name
								) }
							</Button>
						}
					/>
				);
			} ) }
			<Button
				variant="secondary"
				disabled={ instances.length >= MAX_INSTANCES }
				accessibleWhenDisabled
				onClick={ () =>
					onChange( [
						...instances,
						newInstance( descriptor, instances ),
					] )
				}
			>
				{ sprintf(
					/* translators: %s: provider type label, e.g. OpenAI-compatible endpoints. */
					__( 'Add to %s', 'agentic-writer' ),
					descriptor.label
				) }
			</Button>
		</div>
	);
}
