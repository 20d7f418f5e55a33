/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminConfig } from '../../../shared/admin-config';
import StatusSummary from '../../../shared/components/StatusSummary';
import type { SingleProviderId } from '../../../shared/provider-settings';
import { usePluginStatus } from '../../../shared/use-plugin-status';
import { buildPatch, type SingleProviderForm } from '../../settings-form';
import { useSettingsForm } from '../../use-settings-form';
import CompatibleInstances from '../CompatibleInstances';
import LocalBackendHelp from '../LocalBackendHelp';
import ModeSection from '../ModeSection';
import ProviderCard from '../ProviderCard';
import RoutingSection from '../RoutingSection';

type Props = {
	config: AdminConfig | null;
};

/**
 * Agentic Writer → Settings: mode, routing, providers, status.
 *
 * @param props        Props.
 * @param props.config Page config from PHP.
 */
export default function SettingsPage( { config }: Props ) {
	const status = usePluginStatus();
	const state = useSettingsForm();
	const { saved, form, overview, setForm, fieldError } = state;
	const patch = saved && form ? buildPatch( saved, form ) : {};
	const changedProviders = ( patch.providers ?? {} ) as Record<
		string,
		unknown
	>;

	const single = (
		id: SingleProviderId,
		title: string,
		extra?: JSX.Element
	) =>
		saved &&
		form && (
			<ProviderCard
				id={ id }
				title={ title }
				path={ `providers.${ id }` }
				saved={ saved.providers[ id ] }
				form={ form.providers[ id ] }
				onChange={ ( next: Partial< SingleProviderForm > ) =>
					setForm( ( f ) => ( {
						...f,
						providers: {
							...f.providers,
							[ id ]: { ...f.providers[ id ], ...next },
						},
					} ) )
				}
				fieldError={ fieldError }
				status={ overview?.providers.find( ( p ) => p.id === id ) }
				dirty={ id in changedProviders }
				onTested={ state.refreshProviders }
			>
				{ extra }
			</ProviderCard>
		);

	return (
		<>
			<h1>{ __( 'Agentic Writer settings', 'agentic-writer' ) }</h1>
			{ state.loadError && (
				<Notice status="error" isDismissible={ false }>
					{ state.loadError }
				</Notice>
			) }
			{ ! state.loadError && ! form && (
				<p>
					<Spinner /> { __( 'Loading settings…', 'agentic-writer' ) }
				</p>
			) }
			{ saved && form && (
				<form
					className="agentic-writer-settings"
					onSubmit={ ( event ) => {
						event.preventDefault();
						state.save();
					} }
				>
					<ModeSection
						mode={ form.provider_mode }
						onChange={ ( mode ) =>
							setForm( ( f ) => ( {
								...f,
								provider_mode: mode,
							} ) )
						}
					/>
					<RoutingSection
						routing={ form.routing }
						overview={ overview }
						fieldError={ fieldError }
						onChange={ ( routing ) =>
							setForm( ( f ) => ( { ...f, routing } ) )
						}
					/>
					{ single(
						'openrouter',
						__( 'OpenRouter', 'agentic-writer' )
					) }
					{ single(
						'local_backend',
						__( 'Local backend', 'agentic-writer' ),
						<LocalBackendHelp
							download={ config?.localBackendDownload }
						/>
					) }
					{ single(
						'anthropic',
						__( 'Anthropic', 'agentic-writer' )
					) }
					<CompatibleInstances
						instances={ form.openai_compatible }
						saved={ saved.providers.openai_compatible }
						overview={ overview }
						fieldError={ fieldError }
						dirty={ 'openai_compatible' in changedProviders }
						onTested={ state.refreshProviders }
						onChange={ ( instances ) =>
							setForm( ( f ) => ( {
								...f,
								openai_compatible: instances,
							} ) )
						}
					/>
					<div className="agentic-writer-save">
						{ state.notice && (
							<Notice
								status={ state.notice.status }
								onRemove={ state.dismissNotice }
							>
								{ state.notice.text }
							</Notice>
						) }
						<Button
							variant="primary"
							type="submit"
							isBusy={ state.saving }
							disabled={ state.saving }
							accessibleWhenDisabled
						>
							{ __( 'Save settings', 'agentic-writer' ) }
						</Button>
					</div>
				</form>
			) }
			{ ! form && (
				<LocalBackendHelp download={ config?.localBackendDownload } />
			) }
			<Card className="agentic-writer-card">
				<CardHeader>
					<h2>{ __( 'Status', 'agentic-writer' ) }</h2>
				</CardHeader>
				<CardBody>
					<StatusSummary result={ status } />
				</CardBody>
			</Card>
		</>
	);
}
