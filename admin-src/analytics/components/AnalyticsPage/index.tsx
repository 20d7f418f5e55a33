/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import StatusSummary from '../../../shared/components/StatusSummary';
import { usePluginStatus } from '../../../shared/use-plugin-status';
import {
	rangeFromSearch,
	searchWithRange,
	type DateRange,
} from '../../date-range';
import { formatCount, formatUsd } from '../../format';
import type { AnalyticsConfig } from '../../page-config';
import {
	peakPoint,
	pointValue,
	seriesTotal,
	type Dimension,
} from '../../shaping';
import {
	useBudgetData,
	useProviderHealth,
	useRangeData,
} from '../../use-range-data';
import type { Loaded } from '../../use-loaded';
import type { UsageSummary } from '../../usage-schemas';
import BudgetPanel from '../BudgetPanel';
import EventsList from '../EventsPanel';
import GroupTable from '../GroupTable';
import KpiCards from '../KpiCards';
import Panel from '../Panel';
import ProviderHealth from '../ProviderHealth';
import RangePicker from '../RangePicker';
import UsageChart from '../UsageChart';

export const EMPTY_TEXT = __(
	'No requests yet in this range. Write something with the Agentic Writer sidebar, or send records to usage/ingest.',
	'agentic-writer'
);

type Props = { config: AnalyticsConfig };

function Loading() {
	return (
		<p>
			<Spinner /> { __( 'Loading…', 'agentic-writer' ) }
		</p>
	);
}

/**
 * Agentic Writer → Analytics: what AI cost this site, where it went, fallbacks, provider
 * health and budgets, for a range kept in the URL.
 *
 * @param props        Props.
 * @param props.config Site time zone and today.
 */
export default function AnalyticsPage( { config }: Props ) {
	const [ range, setRange ] = useState< DateRange >( () =>
		rangeFromSearch( window.location.search, config.today )
	);
	useEffect( () => {
		const onPop = () =>
			setRange( rangeFromSearch( window.location.search, config.today ) );
		window.addEventListener( 'popstate', onPop );
		return () => window.removeEventListener( 'popstate', onPop );
	}, [ config.today ] );
	const choose = ( next: DateRange ) => {
		window.history.pushState(
			null,
			'',
			searchWithRange( window.location.search, next )
		);
		setRange( next );
	};

	const data = useRangeData( range );
	const budget = useBudgetData( config.today );
	const health = useProviderHealth();
	const status = usePluginStatus();

	const labels = useMemo(
		() =>
			Object.fromEntries(
				( health.data?.providers ?? [] ).map( ( p ) => [
					p.id,
					p.label,
				] )
			),
		[ health.data ]
	);
	const events = data.events.data?.events;
	const lastFailures = useMemo( () => {
		const last: Record< string, string > = {};
		for ( const event of events ?? [] ) {
			// Newest first: a provider's first event is its last failure.
			last[ event.provider ] ??= event.created_at;
		}
		return last;
	}, [ events ] );

	const totals = data.byProvider.data?.totals;
	const empty = totals?.requests === 0;

	const groupPanel = (
		dimension: Dimension,
		title: string,
		nameLabel: string,
		loaded: Loaded< UsageSummary >
	) => (
		<Panel title={ title } error={ loaded.error }>
			{ ! loaded.data && ! loaded.error && <Loading /> }
			{ loaded.data && ( loaded.data.groups ?? [] ).length === 0 && (
				<p>{ EMPTY_TEXT }</p>
			) }
			{ loaded.data && ( loaded.data.groups ?? [] ).length > 0 && (
				<GroupTable
					dimension={ dimension }
					caption={ title }
					nameLabel={ nameLabel }
					groups={ loaded.data.groups ?? [] }
					labels={ labels }
				/>
			) }
		</Panel>
	);

	const hourly = data.hourly.data?.points ?? [];
	const daily = data.daily.data?.points ?? [];
	const tokenPeak = peakPoint( hourly, 'tokens' );
	const costPeak = peakPoint( daily, 'cost' );

	return (
		<div className="agentic-writer-analytics">
			<h1>{ __( 'Agentic Writer analytics', 'agentic-writer' ) }</h1>
			<RangePicker
				range={ range }
				today={ config.today }
				timezone={ config.timezone }
				onChange={ choose }
			/>

			<Panel
				title={ __( 'Overview', 'agentic-writer' ) }
				error={ data.byProvider.error }
				className="agentic-writer-panel--wide"
			>
				{ ! totals && ! data.byProvider.error && <Loading /> }
				{ empty && (
					<p className="agentic-writer-empty">{ EMPTY_TEXT }</p>
				) }
				{ totals && ! empty && <KpiCards totals={ totals } /> }
			</Panel>

			<div className="agentic-writer-grid">
				<Panel
					title={ __( 'Tokens per hour', 'agentic-writer' ) }
					error={ data.hourly.error }
				>
					{ ! data.hourly.data && ! data.hourly.error && <Loading /> }
					{ data.hourly.data &&
						( seriesTotal( hourly, 'tokens' ) === 0 ? (
							<p>{ EMPTY_TEXT }</p>
						) : (
							<UsageChart
								title={ __(
									'Tokens per hour',
									'agentic-writer'
								) }
								description={ sprintf(
									/* translators: 1: first date, 2: last date, 3: total tokens, 4: peak tokens in an hour, 5: that hour */
									__(
										'Bar chart of tokens per hour from %1$s to %2$s: %3$s tokens in all, at most %4$s in one hour (%5$s).',
										'agentic-writer'
									),
									range.from,
									range.to,
									formatCount(
										seriesTotal( hourly, 'tokens' )
									),
									formatCount(
										tokenPeak
											? tokenPeak.tokens_prompt +
													tokenPeak.tokens_completion
											: 0
									),
									tokenPeak
										? tokenPeak.start
												.slice( 0, 16 )
												.replace( 'T', ' ' )
										: '—'
								) }
								points={ hourly }
								metric="tokens"
								bucket="hour"
							/>
						) ) }
				</Panel>
				<Panel
					title={ __( 'Cost per day', 'agentic-writer' ) }
					error={ data.daily.error }
				>
					{ ! data.daily.data && ! data.daily.error && <Loading /> }
					{ data.daily.data &&
						( daily.every( ( p ) => p.requests === 0 ) ? (
							<p>{ EMPTY_TEXT }</p>
						) : (
							<UsageChart
								title={ __( 'Cost per day', 'agentic-writer' ) }
								description={ sprintf(
									/* translators: 1: first date, 2: last date, 3: total dollars, 4: most in one day, 5: that day */
									__(
										'Bar chart of cost per day from %1$s to %2$s: %3$s in all, at most %4$s in one day (%5$s).',
										'agentic-writer'
									),
									range.from,
									range.to,
									formatUsd( seriesTotal( daily, 'cost' ) ),
									formatUsd(
										costPeak
											? pointValue( costPeak, 'cost' )
											: 0
									),
									costPeak
										? costPeak.start.slice( 0, 10 )
										: '—'
								) }
								points={ daily }
								metric="cost"
								bucket="day"
							/>
						) ) }
				</Panel>
			</div>

			{ groupPanel(
				'provider',
				__( 'By provider', 'agentic-writer' ),
				__( 'Provider', 'agentic-writer' ),
				data.byProvider
			) }
			{ groupPanel(
				'model',
				__( 'By model', 'agentic-writer' ),
				__( 'Model', 'agentic-writer' ),
				data.byModel
			) }
			<div className="agentic-writer-grid">
				{ groupPanel(
					'task',
					__( 'By task', 'agentic-writer' ),
					__( 'Task', 'agentic-writer' ),
					data.byTask
				) }
				{ groupPanel(
					'user',
					__( 'By user', 'agentic-writer' ),
					__( 'User', 'agentic-writer' ),
					data.byUser
				) }
			</div>

			<Panel
				title={ __( 'Recent fallbacks and errors', 'agentic-writer' ) }
				error={ data.events.error }
			>
				{ ! data.events.data && ! data.events.error && <Loading /> }
				{ data.events.data && (
					<EventsList
						events={ events ?? [] }
						labels={ labels }
						timeZone={ config.timezone }
					/>
				) }
			</Panel>

			<div className="agentic-writer-grid">
				<Panel
					title={ __( 'Provider health', 'agentic-writer' ) }
					error={ health.error }
					aside={
						<span
							className="agentic-writer-muted"
							aria-live="polite"
						>
							{ health.loading && health.data
								? __( 'Refreshing…', 'agentic-writer' )
								: '' }
						</span>
					}
				>
					{ ! health.data && ! health.error && <Loading /> }
					{ health.data && (
						<ProviderHealth
							providers={ health.data.providers }
							lastFailures={ lastFailures }
							now={ Date.now() }
							timeZone={ config.timezone }
						/>
					) }
				</Panel>
				<Panel
					title={ __( 'Budgets', 'agentic-writer' ) }
					error={
						budget.budgets.error ??
						budget.today.error ??
						budget.month.error
					}
				>
					{ ! budget.budgets.data &&
						! budget.budgets.error &&
						budget.budgets.loading && <Loading /> }
					{ ! budget.budgets.loading && ! budget.budgets.error && (
						<BudgetPanel
							budgets={ budget.budgets.data }
							today={ budget.today.data }
							month={ budget.month.data }
						/>
					) }
				</Panel>
			</div>

			<Panel title={ __( 'Status', 'agentic-writer' ) }>
				<StatusSummary result={ status } />
			</Panel>
		</div>
	);
}
