/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner, TabPanel } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminConfig } from '../../../shared/admin-config';
import StatusSummary from '../../../shared/components/StatusSummary';
import { usePluginStatus } from '../../../shared/use-plugin-status';
import {
	LOCAL_BACKEND_TYPE,
	hrefWithTab,
	tabFromSearch,
	tabList,
	tabOfField,
	type TabName,
} from '../../tabs';
import { useSettingsForm } from '../../use-settings-form';
import { useUnsavedChangesGuard } from '../../use-unsaved-changes-guard';
import BudgetsTab from '../BudgetsTab';
import LocalBackendHelp from '../LocalBackendHelp';
import LocalBackendStatus from '../LocalBackendStatus';
import ModeSection from '../ModeSection';
import ProviderTypeSettings from '../ProviderTypeSettings';
import RoutingSection from '../RoutingSection';
import SettingsCard from '../SettingsCard';
import TimeoutsCard from '../TimeoutsCard';

type Props = {
	config: AdminConfig | null;
	/** Milliseconds between local backend checks (tests set 0). */
	localStatusRefreshMs?: number;
};

/**
 * Agentic Writer → Settings: one form across tabs (mode and routing, providers, local
 * backend, budgets, status); the tab is in the URL, the Save bar on every tab.
 *
 * @param props                      Props.
 * @param props.config               Page config from PHP.
 * @param props.localStatusRefreshMs Local backend check interval.
 */
export default function SettingsPage( {
	config,
	localStatusRefreshMs,
}: Props ) {
	const status = usePluginStatus();
	const state = useSettingsForm();
	const { saved, form, types, overview, setForm, fieldError } = state;
	const [ tab, setTab ] = useState< TabName >( () =>
		tabFromSearch( window.location.search )
	);
	// TabPanel keeps its own selection: a new key makes it start on `tab` (an error elsewhere).
	const [ panelKey, setPanelKey ] = useState( 0 );
	const formRef = useRef< HTMLFormElement >( null );
	const dirty = Object.keys( state.patch ).length > 0;
	useUnsavedChangesGuard( dirty );

	useEffect( () => {
		window.history.replaceState(
			window.history.state,
			'',
			hrefWithTab( window.location.href, tab )
		);
	}, [ tab ] );

	useEffect( () => {
		if ( ! fieldError ) {
			return;
		}
		const target = tabOfField( fieldError.path );
		if ( target && target !== tab ) {
			setTab( target );
			setPanelKey( ( k ) => k + 1 );
		}
		// tab is read, not watched: only a new error moves the owner.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ fieldError ] );

	useEffect( () => {
		if ( fieldError ) {
			formRef.current
				?.querySelector< HTMLElement >( '[aria-invalid="true"]' )
				?.focus();
		}
	}, [ fieldError, panelKey ] );

	const loading = () =>
		state.loadError ? (
			<Notice status="error" isDismissible={ false }>
				{ state.loadError }
			</Notice>
		) : (
			<p>
				<Spinner /> { __( 'Loading settings…', 'agentic-writer' ) }
			</p>
		);

	const panel = ( name: TabName ) => {
		if ( name === 'status' ) {
			return (
				<SettingsCard
					id="plugin-status"
					title={ __( 'Status', 'agentic-writer' ) }
				>
					<StatusSummary result={ status } />
				</SettingsCard>
			);
		}
		if ( name === 'local-backend' ) {
			const local = types.find( ( t ) => t.type === LOCAL_BACKEND_TYPE );
			return (
				<>
					<LocalBackendHelp
						download={ config?.localBackendDownload }
					/>
					{ ! form && loading() }
					{ local && (
						<ProviderTypeSettings
							state={ state }
							descriptor={ local }
						/>
					) }
					<LocalBackendStatus refreshMs={ localStatusRefreshMs } />
				</>
			);
		}
		if ( ! saved || ! form ) {
			return loading();
		}
		if ( name === 'budgets' ) {
			return (
				<BudgetsTab
					budgets={ form.budgets }
					ingest={ saved.ingest }
					fieldError={ fieldError }
					onChange={ ( budgets ) =>
						setForm( ( f ) => ( { ...f, budgets } ) )
					}
				/>
			);
		}
		if ( name === 'routing' ) {
			return (
				<>
					<ModeSection
						mode={ form.provider_mode }
						types={ types }
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
				</>
			);
		}
		return (
			<>
				{ types
					.filter( ( t ) => t.type !== LOCAL_BACKEND_TYPE )
					.map( ( descriptor ) => (
						<ProviderTypeSettings
							key={ descriptor.type }
							state={ state }
							descriptor={ descriptor }
						/>
					) ) }
				<TimeoutsCard
					breaker={ form.breaker }
					timeouts={ form.timeouts }
					fieldError={ fieldError }
					onChange={ ( numbers ) =>
						setForm( ( f ) => ( { ...f, ...numbers } ) )
					}
				/>
			</>
		);
	};

	return (
		<>
			<h1>{ __( 'Agentic Writer settings', 'agentic-writer' ) }</h1>
			<form
				ref={ formRef }
				className="agentic-writer-settings"
				// The server checks every field and names the wrong one, on whichever tab it is.
				noValidate
				onSubmit={ ( event ) => {
					event.preventDefault();
					state.save();
				} }
			>
				<TabPanel
					key={ panelKey }
					className="agentic-writer-tabs"
					tabs={ tabList() }
					initialTabName={ tab }
					onSelect={ ( name ) => setTab( name as TabName ) }
				>
					{ ( selected ) => panel( selected.name as TabName ) }
				</TabPanel>
				{ form && (
					<div
						className="agentic-writer-save"
						role="region"
						aria-label={ __( 'Save', 'agentic-writer' ) }
					>
						{ state.notice && (
							<Notice
								status={ state.notice.status }
								onRemove={ state.dismissNotice }
							>
								{ state.notice.text }
							</Notice>
						) }
						<div className="agentic-writer-save__bar">
							<Button
								variant="primary"
								type="submit"
								isBusy={ state.saving }
								disabled={ state.saving }
								accessibleWhenDisabled
							>
								{ __( 'Save settings', 'agentic-writer' ) }
							</Button>
							<span className="agentic-writer-save__state">
								{ dirty
									? __( 'Unsaved changes', 'agentic-writer' )
									: __(
											'All changes saved',
											'agentic-writer'
										) }
							</span>
						</div>
					</div>
				) }
			</form>
		</>
	);
}
