/**
 * Internal dependencies
 */
import type { State, TaskName } from './types';

export const getActiveTab = ( state: State ) => state.activeTab;
export const getTabRequest = ( state: State ) => state.tabRequest;
export const getRun = ( state: State, task: TaskName ) => state.runs[ task ];
export const isRunning = ( state: State, task: TaskName ) =>
	state.runs[ task ].status === 'running';
/** Resolved from GET editor/tasks. */
export const getTaskRoutes = ( state: State ) => state.routes;
export const getTaskRoutesError = ( state: State ) => state.routesError;
/** Resolved from GET editor/usage for the post. */
export const getTotals = ( state: State, _postId: number ) => state.totals;
/** Resolved from GET chat/<post>. */
export const getChat = ( state: State, _postId: number ) => state.chat;
export const getChatError = ( state: State ) => state.chatError;
export const getWrittenClientIds = ( state: State ) => state.written;
export const getPendingRewrite = ( state: State ) => state.rewrite;
export const getImage = ( state: State ) => state.image;
