import { graphql } from '../../../graphql/generated';

// Asked first, before any page: who is signed in (null: show the sign-in page).
export const MeQuery = graphql(`
  query Me {
    me {
      kind
      login
      name
      role
      township {
        code
        name
      }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($login: String!, $password: String!) {
    signIn(login: $login, password: $password) {
      kind
      login
      name
      role
      township {
        code
        name
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
