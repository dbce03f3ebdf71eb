import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { lazyPage as page } from './lazy-page';
import { NotFoundPage } from './NotFoundPage';
import { GuestOnly, RequireAuth, RequireChat } from './RequireAuth';

const HomeRoute = page(() => import('../features/landing/HomeRoute'), 'HomeRoute');
const SignInPage = page(() => import('../features/auth/SignInPage'), 'SignInPage');
const SignUpPage = page(() => import('../features/auth/SignUpPage'), 'SignUpPage');
const ChatPage = page(() => import('../features/chat/ChatPage'), 'ChatPage');
const FavoritesPage = page(() => import('../features/favorites/FavoritesPage'), 'FavoritesPage');
const AlertsPage = page(() => import('../features/alerts/AlertsPage'), 'AlertsPage');
const SavedSearchesPage = page(
  () => import('../features/alerts/SavedSearchesPage'),
  'SavedSearchesPage',
);
const KeysPage = page(() => import('../features/keys/KeysPage'), 'KeysPage');
const WebhooksPage = page(() => import('../features/webhooks/WebhooksPage'), 'WebhooksPage');
const InboxPage = page(() => import('../features/inbox/InboxPage'), 'InboxPage');
const AdminUsersPage = page(() => import('../features/admin/AdminUsersPage'), 'AdminUsersPage');
const MyListingsPage = page(() => import('../features/manage/MyListingsPage'), 'MyListingsPage');
const NewListingPage = page(() => import('../features/manage/NewListingPage'), 'NewListingPage');
const EditListingPage = page(() => import('../features/manage/EditListingPage'), 'EditListingPage');
const ListingsPage = page(() => import('../features/listings/ListingsPage'), 'ListingsPage');
const ListingDetailPage = page(
  () => import('../features/listings/ListingDetailPage'),
  'ListingDetailPage',
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomeRoute />} />
        <Route element={<GuestOnly />}>
          <Route path="signin" element={<SignInPage />} />
          <Route path="signup" element={<SignUpPage />} />
        </Route>
        <Route element={<RequireChat />}>
          <Route path="chat" element={<ChatPage />} />
          <Route path="chat/:conversationId" element={<ChatPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="keys" element={<KeysPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="admin" element={<AdminUsersPage />} />
          <Route path="alerts" element={<AlertsPage />} />
          <Route path="searches" element={<SavedSearchesPage />} />
          <Route path="my-listings" element={<MyListingsPage />} />
          <Route path="my-listings/new" element={<NewListingPage />} />
          <Route path="my-listings/:id/edit" element={<EditListingPage />} />
        </Route>
        <Route path="favorites" element={<FavoritesPage />} />
        <Route path="listings" element={<ListingsPage />} />
        <Route path="listings/:id" element={<ListingDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
