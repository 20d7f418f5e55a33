/**
 * Internal dependencies
 */
import type { State, TaskName } from './types';

export const getActiveTab = ( state: State ) => state.activeTab;
export const getTabRequest = ( state: State ) => state.tabRequest;
export const getRun = ( state: State, task: TaskName ) => state.runs[ task ];
export const isRunning = ( state: State, task: TaskName ) =>
	state.runs[ task ].status === 'running';
/**
 * Resolved from GET editor/tasks.
 * @param state Store state.
 */
export const getTaskRoutes = ( state: State ) => state.routes;
export const getTaskRoutesError = ( state: State ) => state.routesError;
// The post id is the resolver's argument; the store holds the one post being edited.
/* eslint-disable @typescript-eslint/no-unused-vars */
/**
 * Running totals, resolved from GET editor/usage.
 *
 * @param state  Store state.
 * @param postId The post being edited.
 */
export const getTotals = ( state: State, postId: number ) => state.totals;
/**
 * The kept conversation, resolved from GET chat/<post>.
 *
 * @param state  Store state.
 * @param postId The post being edited.
 */
export const getChat = ( state: State, postId: number ) => state.chat;
/* eslint-enable @typescript-eslint/no-unused-vars */
export const getChatError = ( state: State ) => state.chatError;
export const getWrittenClientIds = ( state: State ) => state.written;
export const getPendingRewrite = ( state: State ) => state.rewrite;
export const getImage = ( state: State ) => state.image;
