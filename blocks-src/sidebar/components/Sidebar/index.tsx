/**
 * WordPress dependencies
 */
import { TabPanel } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { currentPostId } from '../../brief';
import { store } from '../../store';
import type { TabName, TaskName } from '../../store/types';
import ChatTask from '../ChatTask';
import ClarifyTask from '../ClarifyTask';
import ImageTask from '../ImageTask';
import PlanTask from '../PlanTask';
import RefineTask from '../RefineTask';
import RunningTotals from '../RunningTotals';
import TaskRoute from '../TaskRoute';
import WriteTask from '../WriteTask';

const TABS: Array< {
	name: TabName;
	title: string;
	task: TaskName;
	Panel: () => JSX.Element;
} > = [
	{
		name: 'chat',
		title: __( 'Chat', 'agentic-writer' ),
		task: 'chat',
		Panel: ChatTask,
	},
	{
		name: 'clarify',
		title: __( 'Clarify', 'agentic-writer' ),
		task: 'clarity',
		Panel: ClarifyTask,
	},
	{
		name: 'plan',
		title: __( 'Plan', 'agentic-writer' ),
		task: 'planning',
		Panel: PlanTask,
	},
	{
		name: 'write',
		title: __( 'Write', 'agentic-writer' ),
		task: 'writing',
		Panel: WriteTask,
	},
	{
		name: 'refine',
		title: __( 'Refine', 'agentic-writer' ),
		task: 'refinement',
		Panel: RefineTask,
	},
	{
		name: 'image',
		title: __( 'Image', 'agentic-writer' ),
		task: 'image',
		Panel: ImageTask,
	},
];

/**
 * The tasks, each usable alone or as a step of one flow: Chat, Clarify, Plan, Write, Refine,
 * Image; what serves each and what it has cost so far.
 */
export default function Sidebar() {
	const { activeTab, tabRequest } = useSelect( ( select ) => {
		const s = select( store );
		// Asked here so the routes, totals and conversation load when the sidebar opens.
		s.getTaskRoutes();
		s.getTotals( currentPostId() );
		s.getChat( currentPostId() );
		return { activeTab: s.getActiveTab(), tabRequest: s.getTabRequest() };
	}, [] );
	const { setActiveTab } = useDispatch( store );
	return (
		<div className="agentic-writer-sidebar">
			<TabPanel
				// A tab opened from outside (the block toolbar) remounts the panel on that tab.
				key={ tabRequest }
				className="agentic-writer-tabs"
				initialTabName={ activeTab }
				onSelect={ ( name ) => setActiveTab( name as TabName ) }
				tabs={ TABS.map( ( { name, title } ) => ( { name, title } ) ) }
			>
				{ ( tab ) => {
					const entry =
						TABS.find( ( t ) => t.name === tab.name ) ?? TABS[ 0 ]!;
					return (
						<div className="agentic-writer-panel">
							<TaskRoute task={ entry.task } />
							<entry.Panel />
						</div>
					);
				} }
			</TabPanel>
			<RunningTotals />
		</div>
	);
}
