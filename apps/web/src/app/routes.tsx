import { Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { ChatPage } from '../features/chat/ChatPage';
import { KeysPage } from '../features/keys/KeysPage';
import { HomeRoute } from '../features/landing/HomeRoute';
import { ListingDetailPage } from '../features/listings/ListingDetailPage';
import { ListingsPage } from '../features/listings/ListingsPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { GuestOnly, RequireAuth } from './RequireAuth';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomeRoute />} />
        <Route element={<GuestOnly />}>
          <Route path="signin" element={<SignInPage />} />
          <Route path="signup" element={<SignUpPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="chat" element={<ChatPage />} />
          <Route path="chat/:conversationId" element={<ChatPage />} />
          <Route path="keys" element={<KeysPage />} />
        </Route>
        <Route path="listings" element={<ListingsPage />} />
        <Route path="listings/:id" element={<ListingDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
